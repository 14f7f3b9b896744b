package io.stowage.carriers.selection;

import io.stowage.carriers.spi.RateQuote;

import java.util.List;

/** A parcel of the day with the quotes it got; the input to day planning. */
public record PlannedParcel(ParcelDemand demand, List<RateQuote> quotes) {

    public PlannedParcel {
        quotes = List.copyOf(quotes);
    }
}
