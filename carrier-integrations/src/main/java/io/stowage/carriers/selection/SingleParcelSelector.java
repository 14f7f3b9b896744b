package io.stowage.carriers.selection;

import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses a service for one parcel: among quotes that honour the customer's choice and arrive by
 * the promised date (each quote's dates already account for today's cut-off), the lowest price
 * after soft penalties; ties go to the earlier delivery.
 */
public final class SingleParcelSelector {

    private final SelectionPolicy policy;

    public SingleParcelSelector(SelectionPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param quotes quotes for the parcel, as from {@link RateShopper#quoteAll}
     * @throws NoEligibleServiceException when no quote honours the customer's choice
     * @throws PromiseNotKeptException    when some do, but none arrives by the promised date
     */
    public RateQuote select(List<RateQuote> quotes, ParcelDemand demand) {
        List<ShippingOption> acceptable = quotes.stream()
                .filter(quote -> quote.total().currency().equals(policy.currency()))
                .filter(quote -> demand.preference().accepts(quote.service()))
                .map(ShippingOption::new)
                .toList();
        if (acceptable.isEmpty()) {
            throw new NoEligibleServiceException("no service for parcel " + demand.parcelId() + " matches the customer's choice "
                    + demand.preference() + " among " + quotes.size() + " quotes in " + policy.currency());
        }
        return acceptable.stream()
                .filter(option -> option.arrivesBy(demand.promisedBy()))
                .min(byEffectiveCost(demand))
                .map(ShippingOption::quote)
                .orElseThrow(() -> {
                    RateQuote earliest = acceptable.stream()
                            .min(Comparator.comparing((ShippingOption option) -> option.quote().estimatedDelivery())
                                    .thenComparing(byEffectiveCost(demand)))
                            .orElseThrow().quote();
                    return new PromiseNotKeptException("no " + demand.preference() + " service delivers parcel "
                            + demand.parcelId() + " by " + demand.promisedBy() + "; the earliest is "
                            + earliest.service().qualifiedCode() + " on " + earliest.estimatedDelivery(), earliest);
                });
    }

    private Comparator<ShippingOption> byEffectiveCost(ParcelDemand demand) {
        return Comparator.comparingLong((ShippingOption option) -> option.effectiveCost(demand, policy))
                .thenComparing(option -> option.quote().estimatedDelivery());
    }
}
