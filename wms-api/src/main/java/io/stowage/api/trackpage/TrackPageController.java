package io.stowage.api.trackpage;

import io.stowage.api.commands.NotACommand;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The customer's tracking page {@code /track/{token}} and the same data as JSON at
 * {@code /track/{token}.json}. The page shows the destination city only; the recipient's name and
 * street and the order's lines need the order's e-mail address or postal code, given in a form
 * (HTML, remembered in a signed cookie for {@code stowage.trackpage.unlocked-for}) or in the JSON
 * request's body (answered at once, remembered nowhere).
 */
@Controller
class TrackPageController {

    static final String UNLOCK_COOKIE_PREFIX = CustomerUnlocks.UNLOCK_COOKIE_PREFIX;
    static final String CSRF_COOKIE = CustomerUnlocks.CSRF_COOKIE;

    private final TrackedParcels parcels;
    private final CustomerPages pages;
    private final CustomerLanguages languages;
    private final CustomerUnlocks unlocks;

    TrackPageController(TrackedParcels parcels, CustomerPages pages, CustomerLanguages languages, CustomerUnlocks unlocks) {
        this.parcels = parcels;
        this.pages = pages;
        this.languages = languages;
        this.unlocks = unlocks;
    }

    /** The answer to the privacy question, for the JSON: the order's e-mail address or its postal code. */
    record UnlockRequest(String email, String postalCode) {
    }

    @Hidden
    @GetMapping(value = "/track/{token}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> page(@PathVariable String token, ServerWebExchange exchange) {
        return parcels.byToken(token)
                .flatMap(found -> unlocks.unlocked(exchange, found.orderId())
                        .flatMap(unlocked -> render(exchange, found, unlocked, null, HttpStatus.OK)))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
    }

    @Hidden
    @NotACommand("a question, not a change: a wrong answer is counted against the order although the request fails, so it runs in no command's transaction")
    @PostMapping(value = "/track/{token}/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> unlock(@PathVariable String token, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> parcels.byToken(token)
                .flatMap(found -> unlocks.csrfHolds(exchange, token, form.getFirst("csrf")).flatMap(csrfHolds -> {
                    if (!csrfHolds) {
                        return render(exchange, found, false, "trackpage.unlock.expired", HttpStatus.FORBIDDEN);
                    }
                    return answer(exchange, found, form.getFirst("answer")).flatMap(outcome -> switch (outcome) {
                        case RIGHT -> unlocks.remember(exchange, found.orderId())
                                .thenReturn(Rendering.redirectTo("/track/" + token).status(HttpStatus.SEE_OTHER).build());
                        case WRONG -> render(exchange, found, false, "trackpage.unlock.wrong", HttpStatus.FORBIDDEN);
                        case LIMITED -> render(exchange, found, false, "trackpage.unlock.limited", HttpStatus.TOO_MANY_REQUESTS);
                    });
                }))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange))));
    }

    @GetMapping(value = "/track/{token}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<TrackingPage> json(@PathVariable String token, ServerWebExchange exchange) {
        CustomerPages.protect(exchange);
        return parcels.byToken(token)
                .switchIfEmpty(Mono.error(TrackPageController::unknownToken))
                .flatMap(found -> parcels.page(found, false));
    }

    @NotACommand("a question, not a change: a wrong answer is counted against the order although the request fails, so it runs in no command's transaction")
    @PostMapping(value = "/track/{token}.json", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<TrackingPage> unlockedJson(@PathVariable String token, @RequestBody UnlockRequest request, ServerWebExchange exchange) {
        CustomerPages.protect(exchange);
        boolean one = (request.email() == null) != (request.postalCode() == null);
        if (!one) {
            return Mono.error(ApiProblem.invalid("email", "give the order's e-mail address or its postal code (exactly one of email, postal_code)"));
        }
        String given = request.email() != null ? request.email() : request.postalCode();
        return parcels.byToken(token)
                .switchIfEmpty(Mono.error(TrackPageController::unknownToken))
                .flatMap(found -> answer(exchange, found, request.email() != null && !given.contains("@") ? "" : given)
                        .flatMap(outcome -> switch (outcome) {
                            case RIGHT -> parcels.page(found, true);
                            case WRONG -> Mono.error(ApiProblem.of(ProblemType.TRACKING_ANSWER_MISMATCH,
                                    "The answer is not this order's e-mail address or postal code"));
                            case LIMITED -> Mono.error(ApiProblem.of(ProblemType.TOO_MANY_REQUESTS,
                                    "Too many wrong answers for this order or from this client: try again later"));
                        }));
    }

    private Mono<CustomerUnlocks.Outcome> answer(ServerWebExchange exchange, TrackedParcels.Found found, String answer) {
        return unlocks.answer(exchange, found.orderId(), found.shipTo(), answer);
    }

    private static ApiProblem unknownToken() {
        return ApiProblem.of(ProblemType.NOT_FOUND, "There is no parcel at this tracking link");
    }

    private Rendering notFound(ServerWebExchange exchange) {
        return pages.render(exchange, CustomerBrand.neutral(), "trackpage/not-found", Map.of(), HttpStatus.NOT_FOUND);
    }

    private Mono<Rendering> render(ServerWebExchange exchange, TrackedParcels.Found found, boolean unlocked, String unlockError,
                                   HttpStatus status) {
        return Mono.zip(parcels.page(found, unlocked), unlocks.csrfToken(exchange, found.token().token())).flatMap(both -> {
            Map<String, Object> model = new HashMap<>();
            model.put("view", TrackingPageView.of(both.getT1(), languages.resolve(exchange)));
            model.put("token", found.token().token());
            model.put("csrf", both.getT2());
            if (unlockError != null) {
                model.put("unlockError", unlockError);
            }
            return pages.render(exchange, found.shipment().merchantId(), "trackpage/tracking", model, status);
        });
    }
}
