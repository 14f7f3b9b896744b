package io.stowage.carriers.customs;

import io.stowage.carriers.spi.Money;

import java.util.List;
import java.util.Objects;

/**
 * What a parcel crossing a customs border declares (CN22/CN23 and the carriers' electronic forms).
 *
 * @param contentsExplanation what the goods are in words; required when the contents are {@link ContentsType#OTHER}
 * @param eelPfc              the US export exemption or filing citation ("NOEEI 30.37(a)") where a carrier asks for it; empty otherwise
 * @param signer              the person who certifies the declaration is true
 */
public record CustomsDeclaration(ContentsType contentsType, String contentsExplanation, NonDelivery nonDelivery,
                                 String eelPfc, String signer, List<CustomsItem> items) {

    public enum ContentsType {
        MERCHANDISE, GIFT, DOCUMENTS, RETURNED_GOODS, SAMPLE, OTHER
    }

    /** What happens to a parcel that cannot be delivered. */
    public enum NonDelivery {
        RETURN, ABANDON
    }

    public CustomsDeclaration {
        Objects.requireNonNull(contentsType, "contentsType");
        Objects.requireNonNull(nonDelivery, "nonDelivery");
        contentsExplanation = Objects.requireNonNullElse(contentsExplanation, "").strip();
        eelPfc = Objects.requireNonNullElse(eelPfc, "").strip();
        signer = Objects.requireNonNullElse(signer, "").strip();
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a customs declaration lists at least one item");
        }
        if (contentsType == ContentsType.OTHER && contentsExplanation.isEmpty()) {
            throw new IllegalArgumentException("contents of type OTHER need an explanation");
        }
        if (signer.isEmpty()) {
            throw new IllegalArgumentException("a customs declaration needs the name of the person certifying it");
        }
        if (items.stream().map(item -> item.value().currency()).distinct().count() > 1) {
            throw new IllegalArgumentException("customs item values must all be in one currency");
        }
    }

    /** The declared value of the whole parcel. */
    public Money totalValue() {
        return items.stream().map(CustomsItem::value).reduce(Money::plus).orElseThrow();
    }
}
