package io.stowage.carriers.selection;

import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.CarrierFutures;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.ParcelExceedsLimitsException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.UnknownDestinationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks every configured carrier for quotes. One carrier failing (not serving the country, a remote
 * API down) does not hide the others' quotes; only when nobody quotes does it explain why, with the
 * most specific typed error. The carriers are asked all at once.
 */
public final class RateShopper {

    private final List<Carrier> carriers;

    public RateShopper(List<? extends Carrier> carriers) {
        this.carriers = List.copyOf(carriers);
    }

    /** One carrier's answer: its quotes, or the carrier error it failed with. */
    private record Answer(Carrier carrier, List<RateQuote> quotes, CarrierException failure) {
    }

    /**
     * @return every quote, cheapest first; fails with
     *         {@link UnknownDestinationException} when the country is unknown or no carrier serves the destination,
     *         {@link ParcelExceedsLimitsException} when the parcel is heavier or larger than every service to the destination,
     *         {@link NoEligibleServiceException} when nobody quotes for another reason, listing each carrier's
     */
    public CompletionStage<List<RateQuote>> quoteAll(RateRequest request) {
        if (!request.to().hasKnownCountry()) {
            return CompletableFuture.failedFuture(
                    new UnknownDestinationException("'" + request.to().country() + "' is not an ISO 3166-1 country code"));
        }
        CompletableFuture<List<Answer>> answers = CompletableFuture.completedFuture(List.of());
        for (Carrier carrier : carriers) {
            answers = answers.thenCombine(answer(carrier, request), (before, answer) -> {
                List<Answer> all = new ArrayList<>(before);
                all.add(answer);
                return all;
            });
        }
        return answers.thenApply(all -> choose(request, all));
    }

    private static CompletableFuture<Answer> answer(Carrier carrier, RateRequest request) {
        return CarrierFutures.attempt(() -> carrier.quote(request))
                .thenApply(quotes -> new Answer(carrier, quotes, null))
                .exceptionallyCompose(failure -> CarrierFutures.cause(failure) instanceof CarrierException e
                        ? CompletableFuture.completedFuture(new Answer(carrier, List.of(), e)) : CarrierFutures.failed(failure));
    }

    private List<RateQuote> choose(RateRequest request, List<Answer> answers) {
        List<RateQuote> quotes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int unknownDestination = 0;
        for (Answer answer : answers) {
            quotes.addAll(answer.quotes());
            if (answer.failure() instanceof UnknownDestinationException e) {
                unknownDestination++;
                reasons.add(e.getMessage());
            } else if (answer.failure() != null) {
                reasons.add(answer.carrier().displayName() + ": " + answer.failure().getMessage());
            }
        }
        if (!quotes.isEmpty()) {
            quotes.sort(Comparator.comparing((RateQuote quote) -> quote.total().currency().getCurrencyCode())
                    .thenComparingLong(quote -> quote.total().minorUnits()));
            return quotes;
        }
        if (unknownDestination > 0 && unknownDestination == carriers.size()) {
            throw new UnknownDestinationException("no carrier delivers to " + request.to().country() + " "
                    + request.to().postalCode() + ": " + String.join("; ", reasons));
        }
        List<CarrierService> serving = carriers.stream().flatMap(carrier -> carrier.services().stream())
                .filter(service -> service.limits().countries().contains(request.to().country()))
                .toList();
        if (!serving.isEmpty() && serving.stream().allMatch(service -> service.limits().exceededByParcel(request.parcel()))) {
            int heaviest = serving.stream().mapToInt(service -> service.limits().maxWeightGrams()).max().orElse(0);
            throw new ParcelExceedsLimitsException("parcel " + request.parcel() + " is heavier or larger than every service to "
                    + request.to().country() + " (the heaviest takes " + heaviest + " g)");
        }
        throw new NoEligibleServiceException("no carrier quoted parcel " + request.parcel() + " to "
                + request.to().country() + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
    }
}
