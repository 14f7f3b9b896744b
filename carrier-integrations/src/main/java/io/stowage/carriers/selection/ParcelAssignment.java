package io.stowage.carriers.selection;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

import java.util.List;

/**
 * The planner's decision for one parcel: which of its own quoted options it ships with. Each parcel
 * has its own value range, because only services that can carry it quoted for it.
 */
@PlanningEntity(difficultyComparatorClass = ParcelDifficulty.class)
public class ParcelAssignment {

    @PlanningId
    private String parcelId;
    private ParcelDemand demand;
    private List<ShippingOption> options;

    @PlanningVariable(valueRangeProviderRefs = "parcelOptions")
    private ShippingOption option;

    /** For OptaPlanner's solution cloning. */
    public ParcelAssignment() {
    }

    public ParcelAssignment(ParcelDemand demand, List<ShippingOption> options) {
        this.parcelId = demand.parcelId();
        this.demand = demand;
        this.options = List.copyOf(options);
    }

    public String getParcelId() {
        return parcelId;
    }

    public ParcelDemand getDemand() {
        return demand;
    }

    @ValueRangeProvider(id = "parcelOptions")
    public List<ShippingOption> getOptions() {
        return options;
    }

    public ShippingOption getOption() {
        return option;
    }

    public void setOption(ShippingOption option) {
        this.option = option;
    }

    public boolean keepsPromise() {
        return option.arrivesBy(demand.promisedBy());
    }

    public boolean honoursCustomerChoice() {
        return demand.preference().accepts(option.quote().service());
    }

    public boolean isOnNonPreferredCarrier() {
        return demand.prefersAnotherCarrierThan(option.carrierCode());
    }

    public boolean isEco() {
        return demand.preference() == DeliveryPreference.ECO;
    }

    @Override
    public String toString() {
        return parcelId + " -> " + option;
    }
}
