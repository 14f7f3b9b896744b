package io.stowage.carriers.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A price for one parcel on one service, with the dates it implies.
 *
 * @param transitDays the business days in transit this quote's delivery date counts on, for this parcel's destination (a
 *                    service's own figure is only its fastest)
 * @param rateId the carrier's own id for this offer when buying must refer to it (aggregators), else empty
 */
public record RateQuote(CarrierService service, Money base, List<Surcharge> surcharges, Money total,
                        BillableWeight billableWeight, LocalDate shipDate, LocalDate estimatedDelivery,
                        int transitDays, Optional<String> rateId) {

    public RateQuote {
        surcharges = List.copyOf(surcharges);
    }

    public String carrierCode() {
        return service.carrierCode();
    }
}
