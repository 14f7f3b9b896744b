package io.stowage.api.returns;

import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.commands.NotACommand;
import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderShipTo;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.returns.ReturnController.ReturnItemRequest;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import io.stowage.api.trackpage.CustomerBrand;
import io.stowage.api.trackpage.CustomerPages;
import io.stowage.api.trackpage.CustomerUnlocks;
import io.stowage.api.tracking.DestinationZones;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's return page {@code /track/{token}/return}: behind the same privacy step as the
 * tracking page (the order's e-mail address or postal code; an answer given on either page opens
 * both), the customer picks items, a reason each, and a refund or another size or colour in stock;
 * the return is opened as the merchant's API opens one, and the page shows its RMA, the return
 * label to print and, where the carrier takes parcels without one, the QR code to show instead.
 * {@code /track/returns} finds the order by its number and e-mail address for a customer without
 * the tracking link.
 */
@Controller
@Hidden
class CustomerReturnPage {

    static final String START_SCOPE = "returns-start";

    private final TrackingTokens tokens;
    private final Shipments shipments;
    private final OrderShipTo shipTo;
    private final OrderContents orders;
    private final CustomerPages pages;
    private final CustomerUnlocks unlocks;
    private final CustomerReturns options;
    private final ReturnRequests requests;
    private final ReturnReads reads;
    private final Commands commands;
    private final JsonMapper json;

    CustomerReturnPage(TrackingTokens tokens, Shipments shipments, OrderShipTo shipTo, OrderContents orders, CustomerPages pages,
                       CustomerUnlocks unlocks, CustomerReturns options, ReturnRequests requests, ReturnReads reads, Commands commands,
                       JsonMapper json) {
        this.tokens = tokens;
        this.shipments = shipments;
        this.shipTo = shipTo;
        this.orders = orders;
        this.pages = pages;
        this.unlocks = unlocks;
        this.options = options;
        this.requests = requests;
        this.reads = reads;
        this.commands = commands;
        this.json = json;
    }

    /** The order a tracking link names: its shipment's merchant and order, and the recipient the privacy question is about. */
    private record Parcel(String token, UUID merchantId, UUID orderId, OrderShipTo.ShipTo recipient) {
    }

    private Mono<Parcel> parcel(String token) {
        return tokens.byToken(token)
                .flatMap(found -> shipments.byId(found.merchantId(), found.shipmentId())
                        .filter(shipment -> !ShipmentView.VOIDED.equals(shipment.status()))
                        .flatMap(shipment -> shipTo.of(found.merchantId(), shipment.orderId())
                                .map(recipient -> new Parcel(token, found.merchantId(), shipment.orderId(), recipient))));
    }

    @GetMapping(value = "/track/{token}/return", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> page(@PathVariable String token, ServerWebExchange exchange) {
        return parcel(token)
                .flatMap(parcel -> unlocks.unlocked(exchange, parcel.orderId()).flatMap(unlocked -> unlocked
                        ? form(exchange, parcel, Map.of(), null, HttpStatus.OK)
                        : unlockPage(exchange, parcel, null, HttpStatus.OK)))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
    }

    @NotACommand("a question, not a change: a wrong answer is counted against the order although the request fails, so it runs in no command's transaction")
    @PostMapping(value = "/track/{token}/return/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> unlock(@PathVariable String token, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> parcel(token)
                .flatMap(parcel -> unlocks.csrfHolds(exchange, token, form.getFirst("csrf")).flatMap(holds -> !holds
                        ? unlockPage(exchange, parcel, "returns.unlock.expired", HttpStatus.FORBIDDEN)
                        : unlocks.answer(exchange, parcel.orderId(), parcel.recipient(), form.getFirst("answer")).flatMap(outcome -> switch (outcome) {
                            case RIGHT -> unlocks.remember(exchange, parcel.orderId())
                                    .thenReturn(Rendering.redirectTo("/track/" + token + "/return").status(HttpStatus.SEE_OTHER).build());
                            case WRONG -> unlockPage(exchange, parcel, "returns.unlock.wrong", HttpStatus.FORBIDDEN);
                            case LIMITED -> unlockPage(exchange, parcel, "returns.unlock.limited", HttpStatus.TOO_MANY_REQUESTS);
                        })))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange))));
    }

    /** The customer's choice: for item {@code i} of the page, {@code quantity_i}, {@code reason_i} and {@code exchange_i} (empty for a refund). */
    @PostMapping(value = "/track/{token}/return", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> open(@PathVariable String token, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> parcel(token)
                .flatMap(parcel -> Mono.zip(unlocks.unlocked(exchange, parcel.orderId()), unlocks.csrfHolds(exchange, token, form.getFirst("csrf")))
                        .flatMap(checks -> {
                            if (!checks.getT1()) {
                                return unlockPage(exchange, parcel, null, HttpStatus.FORBIDDEN);
                            }
                            if (!checks.getT2()) {
                                return form(exchange, parcel, form.toSingleValueMap(), "returns.unlock.expired", HttpStatus.FORBIDDEN);
                            }
                            List<ReturnRequests.Item> items;
                            try {
                                items = items(form);
                            } catch (ApiProblem problem) {
                                return form(exchange, parcel, form.toSingleValueMap(), "returns.problem.invalid-request", problem.status());
                            }
                            Map<String, Object> request = Map.of("order_id", parcel.orderId(), "items", items);
                            return commands.run(CommandScope.merchant(parcel.merchantId()), request, HttpStatus.CREATED,
                                            () -> requests.open(parcel.merchantId(), parcel.orderId(), items, "customer"))
                                    .map(answer -> json.readTree(answer.getBody()).get("rma").asString())
                                    .map(rma -> Rendering.redirectTo("/track/" + token + "/return/" + rma).status(HttpStatus.SEE_OTHER).build())
                                    .onErrorResume(ApiProblem.class, problem -> form(exchange, parcel, form.toSingleValueMap(),
                                            "returns.problem." + problem.problemType().slug(), problem.status()));
                        }))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange))));
    }

    /** The items the form chose: those with a quantity above zero; a 422 problem when none is, or a field is not a number. */
    static List<ReturnRequests.Item> items(MultiValueMap<String, String> form) {
        List<ReturnRequests.Item> items = new ArrayList<>();
        for (int i = 0; form.containsKey("sku_" + i) && i < 200; i++) {
            String quantity = form.getFirst("quantity_" + i);
            int units;
            try {
                units = quantity == null || quantity.isBlank() ? 0 : Integer.parseInt(quantity.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("quantity_" + i, "must be a whole number");
            }
            if (units < 0 || units > 10_000) {
                throw ApiProblem.invalid("quantity_" + i, "must be 0 to 10000");
            }
            if (units == 0) {
                continue;
            }
            String reason = form.getFirst("reason_" + i);
            String exchange = form.getFirst("exchange_" + i);
            items.add(new ReturnRequests.Item(form.getFirst("sku_" + i), units, reason == null ? "" : reason.trim(),
                    exchange == null || exchange.isBlank() ? null : exchange.trim()));
        }
        if (items.isEmpty()) {
            throw ApiProblem.invalid("items", "choose at least one item to return");
        }
        return items;
    }

    /** The answer to the privacy question and the items, for a store that renders its own return page. */
    record CustomerReturnRequest(@Size(max = 200) String email, @Size(max = 40) String postalCode,
                                 @NotEmpty @Size(max = 200) List<@NotNull @Valid ReturnItemRequest> items) {
    }

    /**
     * Opens a return as the page does, for a store that renders its own page: the order's e-mail
     * address or postal code in the body (exactly one), checked before anything is written (a wrong
     * one is 403 {@code tracking-answer-mismatch}), then the return as the customer sees it.
     */
    @PostMapping(value = "/track/{token}/return.json", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<ResponseEntity<String>> openJson(@PathVariable String token, @Valid @RequestBody CustomerReturnRequest request, ServerWebExchange exchange) {
        CustomerPages.protect(exchange);
        if ((request.email() == null) == (request.postalCode() == null)) {
            return Mono.error(ApiProblem.invalid("email", "give the order's e-mail address or its postal code (exactly one of email, postal_code)"));
        }
        String given = request.email() != null ? request.email() : request.postalCode();
        List<ReturnRequests.Item> items = request.items().stream()
                .map(i -> new ReturnRequests.Item(i.sku().trim(), i.quantity(), i.reason(), i.exchangeSku() == null ? null : i.exchangeSku().trim()))
                .toList();
        return parcel(token)
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NOT_FOUND, "There is no parcel at this tracking link")))
                .flatMap(parcel -> unlocks.answer(exchange, parcel.orderId(), parcel.recipient(),
                                request.email() != null && !given.contains("@") ? "" : given)
                        .flatMap(outcome -> switch (outcome) {
                            case RIGHT -> commands.run(CommandScope.merchant(parcel.merchantId()), request, HttpStatus.CREATED,
                                    () -> requests.open(parcel.merchantId(), parcel.orderId(), items, "customer")
                                            .map(view -> CustomerReturnView.of(view, token)));
                            case WRONG -> Mono.error(ApiProblem.of(ProblemType.TRACKING_ANSWER_MISMATCH,
                                    "The answer is not this order's e-mail address or postal code"));
                            case LIMITED -> Mono.error(ApiProblem.of(ProblemType.TOO_MANY_REQUESTS,
                                    "Too many wrong answers for this order or from this client: try again later"));
                        }));
    }

    @GetMapping(value = "/track/{token}/return/{rma}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> opened(@PathVariable String token, @PathVariable String rma, ServerWebExchange exchange) {
        return parcel(token)
                .flatMap(parcel -> unlocks.unlocked(exchange, parcel.orderId()).flatMap(unlocked -> !unlocked
                        ? Mono.just(Rendering.redirectTo("/track/" + token + "/return").status(HttpStatus.SEE_OTHER).build())
                        : reads.ofOrder(parcel.merchantId(), parcel.orderId(), rma)
                                .flatMap(view -> pages.render(exchange, parcel.merchantId(), "returns/opened", Map.of("view", view, "token", token,
                                        "labelBase", "/track/" + token + "/return/" + view.rma()), HttpStatus.OK))))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
    }

    /** The return label for the customer to print; {@code format} pdf (default), png or zpl. */
    @GetMapping("/track/{token}/return/{rma}/label")
    Mono<ResponseEntity<byte[]>> label(@PathVariable String token, @PathVariable String rma, @RequestParam(required = false) String format,
                                       ServerWebExchange exchange) {
        ReturnView.LabelFormat wanted = ReturnView.LabelFormat.parse(format);
        return customersReturn(token, rma, exchange)
                .flatMap(found -> reads.labelDocument(found.merchantId(), found.view().id(), wanted)
                        .map(bytes -> ReturnController.labelFile(found.view().rma(), wanted, bytes)));
    }

    /** The QR code to show at a parcel shop instead of a printed label. */
    @GetMapping("/track/{token}/return/{rma}/drop-off.png")
    Mono<ResponseEntity<byte[]>> dropOff(@PathVariable String token, @PathVariable String rma, ServerWebExchange exchange) {
        return customersReturn(token, rma, exchange)
                .flatMap(found -> reads.dropOffCode(found.merchantId(), found.view().id()))
                .flatMap(ReturnLabelFiles::qrPng).map(ReturnLabelFiles::png);
    }

    private record CustomersReturn(UUID merchantId, ReturnView view) {
    }

    /**
     * A return of the link's order; not found otherwise, revealing nothing. The tracking token and the
     * RMA together are as secret as the privacy answer (only who answered it learnt the RMA), so the
     * label opens without the unlock cookie: a store that renders its own page links to it.
     */
    private Mono<CustomersReturn> customersReturn(String token, String rma, ServerWebExchange exchange) {
        CustomerPages.protect(exchange);
        return parcel(token)
                .flatMap(parcel -> reads.ofOrder(parcel.merchantId(), parcel.orderId(), rma).map(view -> new CustomersReturn(parcel.merchantId(), view)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Return", rma)));
    }

    @GetMapping(value = "/track/returns", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> start(ServerWebExchange exchange) {
        return startPage(exchange, null, HttpStatus.OK);
    }

    /** Finds the order by its number and e-mail address; the right pair opens its return page as the privacy answer would. */
    @NotACommand("a question, not a change: a wrong answer is counted against the client although the request fails, so it runs in no command's transaction")
    @PostMapping(value = "/track/returns", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> find(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> unlocks.csrfHolds(exchange, START_SCOPE, form.getFirst("csrf")).flatMap(holds -> {
            if (!holds) {
                return startPage(exchange, "returns.unlock.expired", HttpStatus.FORBIDDEN);
            }
            String email = form.getFirst("email") == null ? "" : form.getFirst("email").trim();
            UUID orderId = orderNumber(form.getFirst("order_number"));
            Mono<OrderShipTo.ShipTo> order = orderId == null || !email.contains("@") ? Mono.empty()
                    : orders.of(orderId).flatMap(contents -> shipTo.of(contents.merchantId(), orderId));
            return order
                    .flatMap(recipient -> unlocks.answer(exchange, recipient.orderId(), recipient, email).flatMap(outcome -> switch (outcome) {
                        case RIGHT -> shipments.ofOrder(recipient.orderId())
                                .filter(shipment -> !ShipmentView.VOIDED.equals(shipment.status()) && shipment.trackingNumber() != null)
                                .next()
                                .flatMap(shipment -> tokens.forShipment(shipment.id()))
                                .flatMap(link -> unlocks.remember(exchange, recipient.orderId())
                                        .thenReturn(Rendering.redirectTo("/track/" + link.token() + "/return").status(HttpStatus.SEE_OTHER).build()))
                                .switchIfEmpty(Mono.defer(() -> startPage(exchange, "returns.problem.order-not-shipped", HttpStatus.CONFLICT)));
                        case WRONG -> startPage(exchange, "returns.start.unknown", HttpStatus.NOT_FOUND);
                        case LIMITED -> startPage(exchange, "returns.unlock.limited", HttpStatus.TOO_MANY_REQUESTS);
                    }))
                    // An unknown order answers as a wrong e-mail address does: the form tells nobody which orders exist.
                    .switchIfEmpty(Mono.defer(() -> unlocks.clientMayAsk(exchange)
                            ? startPage(exchange, "returns.start.unknown", HttpStatus.NOT_FOUND)
                            : startPage(exchange, "returns.unlock.limited", HttpStatus.TOO_MANY_REQUESTS)));
        }));
    }

    private static UUID orderNumber(String given) {
        try {
            return given == null ? null : UUID.fromString(given.trim());
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    private Mono<Rendering> startPage(ServerWebExchange exchange, String error, HttpStatus status) {
        return unlocks.csrfToken(exchange, START_SCOPE).map(csrf -> {
            Map<String, Object> model = new HashMap<>();
            model.put("csrf", csrf);
            if (error != null) {
                model.put("error", error);
            }
            return pages.render(exchange, CustomerBrand.neutral(), "returns/start", model, status);
        });
    }

    private Mono<Rendering> unlockPage(ServerWebExchange exchange, Parcel parcel, String error, HttpStatus status) {
        return unlocks.csrfToken(exchange, parcel.token()).flatMap(csrf -> {
            Map<String, Object> model = new HashMap<>();
            model.put("token", parcel.token());
            model.put("csrf", csrf);
            if (error != null) {
                model.put("error", error);
            }
            return pages.render(exchange, parcel.merchantId(), "returns/unlock", model, status);
        });
    }

    /** The form, with what the customer chose before when it comes back with a problem. */
    private Mono<Rendering> form(ServerWebExchange exchange, Parcel parcel, Map<String, String> chosen, String error, HttpStatus status) {
        Mono<Map<String, Object>> model = options.options(parcel.merchantId(), parcel.orderId())
                .map(found -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("options", found);
                    m.put("closes", closingTime(found.window().closes(), parcel.recipient().country(), locale(exchange)));
                    return m;
                })
                .onErrorResume(ApiProblem.class, problem -> Mono.just(Map.of("refusal", "returns.problem." + problem.problemType().slug())));
        return Mono.zip(model, unlocks.csrfToken(exchange, parcel.token()), reads.returnsOf(parcel.merchantId(), parcel.orderId()).collectList())
                .flatMap(all -> {
                    Map<String, Object> m = new HashMap<>(all.getT1());
                    m.put("token", parcel.token());
                    m.put("csrf", all.getT2());
                    m.put("chosen", chosen);
                    m.put("earlier", all.getT3());
                    m.put("orderNumber", parcel.orderId().toString());
                    if (error != null) {
                        m.put("error", error);
                    }
                    return pages.render(exchange, parcel.merchantId(), "returns/form", m, status);
                });
    }

    /**
     * When the window closes, as the customer's clock shows it: the date and time at the destination,
     * with the zone named (the window closes at an instant, so a date alone would mislead on its last day).
     */
    static String closingTime(Instant closes, String country, Locale locale) {
        ZoneId zone = DestinationZones.of(country);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale).format(closes.atZone(zone))
                + " (" + DestinationZones.nameOf(zone, locale) + ")";
    }

    private Rendering notFound(ServerWebExchange exchange) {
        return pages.render(exchange, CustomerBrand.neutral(), "returns/not-found", Map.of(), HttpStatus.NOT_FOUND);
    }

    private static Locale locale(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale() == null ? Locale.ENGLISH : exchange.getLocaleContext().getLocale();
    }
}
