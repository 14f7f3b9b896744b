package io.stowage.api.billing;

import io.stowage.api.boxes.BoxType;
import io.stowage.api.counts.RequestedCounts;
import io.stowage.api.inbound.ReceivedHandlingUnits;
import io.stowage.api.inventory.LedgerHistory;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.packing.ClosedCartons;
import io.stowage.api.picking.PickedOrders;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.returns.ReturnLabelCosts;
import io.stowage.api.returns.ReturnedItems;
import io.stowage.api.shipping.ShipmentCosts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prices what was done with the rate-card version in force on each cause's own date (UTC). Pure:
 * the same causes and cards give the same lines, which is what makes a finalised invoice
 * reproducible. A cause with no version in force, or whose price the version leaves empty, gives no line.
 */
final class ChargeRules {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);
    private static final BigDecimal MM3_PER_M3 = BigDecimal.valueOf(1_000_000_000L);

    private final List<RateCards.RateCard> cards;
    private final String currency;

    ChargeRules(List<RateCards.RateCard> cards, String currency) {
        this.cards = List.copyOf(cards);
        this.currency = currency;
    }

    /** A day's storage: occupied locations per location type and the volume of every unit held. */
    record StorageDay(LocalDate day, Map<String, Integer> locationsByType, long volumeMm3) {
    }

    /** A manual charge as the admin entered it. */
    record Manual(String id, LocalDate occurredOn, String note, BigDecimal quantity, long rateMinor) {
    }

    static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    Optional<RateCards.RateCard> inForce(LocalDate day) {
        return cards.stream().filter(card -> card.inForceOn(day)).findFirst();
    }

    List<Charge> movements(List<LedgerHistory.Entry> entries) {
        List<Charge> charges = new ArrayList<>();
        for (LedgerHistory.Entry entry : entries) {
            LocalDate day = day(entry.at());
            boolean receipt = entry.kind() == MovementKind.RECEIPT;
            ChargeKind kind = receipt ? ChargeKind.RECEIVING_UNIT : ChargeKind.PUTAWAY_UNIT;
            priced(charges, day, kind, receipt ? Rates::receivingPerUnit : Rates::putawayPerUnit, "stock_movement", String.valueOf(entry.id()),
                    (receipt ? "Received " : "Put away ") + entry.quantity() + " units"
                            + (entry.referenceId() == null ? "" : " (" + entry.referenceType() + " " + entry.referenceId() + ")"),
                    BigDecimal.valueOf(entry.quantity()), "unit");
        }
        return charges;
    }

    /** Receiving per carton and per pallet, on the day the delivery's first receipt named it. */
    List<Charge> handlingUnits(List<ReceivedHandlingUnits.HandlingUnit> units) {
        List<Charge> charges = new ArrayList<>();
        for (ReceivedHandlingUnits.HandlingUnit unit : units) {
            boolean pallet = "pallet".equals(unit.unitType());
            priced(charges, day(unit.firstReceivedAt()), pallet ? ChargeKind.RECEIVING_PALLET : ChargeKind.RECEIVING_CARTON,
                    pallet ? Rates::receivingPerPallet : Rates::receivingPerCarton, "handling_unit", unit.id().toString(),
                    (pallet ? "Pallet " : "Carton ") + unit.code() + " received" + (unit.asnReference() == null ? " (blind)" : " (ASN " + unit.asnReference() + ")"),
                    ONE, unit.unitType());
        }
        return charges;
    }

    /**
     * Returns processing for each graded batch of returned units, on the day it was graded: a price per
     * item (unit) and a price per unit of its grade, each its own line.
     */
    List<Charge> returns(List<ReturnedItems.ReturnedItem> items) {
        List<Charge> charges = new ArrayList<>();
        for (ReturnedItems.ReturnedItem item : items) {
            LocalDate day = day(item.receivedAt());
            String id = String.valueOf(item.gradingId());
            BigDecimal units = BigDecimal.valueOf(item.quantity());
            String what = item.quantity() + " × " + item.sku() + " of " + item.rma();
            priced(charges, day, ChargeKind.RETURN_ITEM, Rates::returnPerItem, "return_grading", id, "Returned " + what, units, "item");
            priced(charges, day, ChargeKind.RETURN_GRADE, rates -> rates.returnPerGrade().get(item.grade()), "return_grading", id,
                    "Graded " + item.grade() + ": " + what, units, item.grade());
        }
        return charges;
    }

    /** A cycle count the merchant asked for, per location counted, on the day the count was approved. */
    List<Charge> counts(List<RequestedCounts.RequestedCount> counts) {
        List<Charge> charges = new ArrayList<>();
        for (RequestedCounts.RequestedCount count : counts) {
            priced(charges, day(count.approvedAt()), ChargeKind.CYCLE_COUNT, Rates::cycleCountPerLocation, "count_task", count.taskId().toString(),
                    "Count of location " + count.locationCode() + " you asked for", ONE, "location");
        }
        return charges;
    }

    List<Charge> picks(List<PickedOrders.PickedOrder> orders) {
        List<Charge> charges = new ArrayList<>();
        for (PickedOrders.PickedOrder order : orders) {
            LocalDate day = day(order.firstPickedAt());
            String id = order.orderId().toString();
            priced(charges, day, ChargeKind.PICK_ORDER, Rates::pickPerOrder, "order", id, "Order picked", ONE, "order");
            if (order.lines() > 1) {
                priced(charges, day, ChargeKind.PICK_EXTRA_LINE, Rates::pickPerExtraLine, "order", id,
                        (order.lines() - 1) + " lines after the first", BigDecimal.valueOf(order.lines() - 1L), "line");
            }
            priced(charges, day, ChargeKind.PICK_UNIT, Rates::pickPerUnit, "order", id, order.units() + " units picked",
                    BigDecimal.valueOf(order.units()), "unit");
        }
        return charges;
    }

    /** Packing per carton, and the carton's box at its cost plus the packaging markup. */
    List<Charge> cartons(List<ClosedCartons.ClosedCarton> cartons, Map<String, BoxType> boxes) {
        List<Charge> charges = new ArrayList<>();
        for (ClosedCartons.ClosedCarton carton : cartons) {
            LocalDate day = day(carton.closedAt());
            String id = carton.id().toString();
            priced(charges, day, ChargeKind.PACK_CARTON, Rates::packPerCarton, "carton", id, "Carton " + carton.cartonNumber() + " packed",
                    ONE, "carton");
            BoxType box = carton.boxTypeCode() == null ? null : boxes.get(carton.boxTypeCode());
            Optional<RateCards.RateCard> card = inForce(day);
            if (box == null || card.isEmpty() || card.get().rates().packagingMarkupBp() == null) {
                continue;
            }
            requireCurrency(box.currency(), "box type " + box.code());
            BigDecimal rate = markedUp(BigDecimal.valueOf(box.costMinor()), card.get().rates().packagingMarkupBp());
            charges.add(Charge.priced(ChargeKind.PACKAGING.code, "carton", id, day,
                    "Box " + box.code() + " at cost " + box.costMinor() + " + " + percent(card.get().rates().packagingMarkupBp()),
                    ONE, "box", rate, card.get().id()));
        }
        return charges;
    }

    /** A label per shipment, and the carrier's price plus the markup (a percentage or an amount per shipment). */
    List<Charge> shipments(List<ShipmentCosts.LabelCost> labels) {
        List<Charge> charges = new ArrayList<>();
        for (ShipmentCosts.LabelCost label : labels) {
            String parcel = label.carrier() + " " + label.trackingNumber() + " (order " + label.orderNumber() + ", parcel " + label.cartonNumber() + ")";
            labelAndCarriage(charges, day(label.labelledAt()), "shipment", label.shipmentId().toString(), "Label " + parcel, parcel,
                    label.priceMinor(), label.currency());
        }
        return charges;
    }

    /**
     * A return label is shipping too: the label price and the carrier's price plus the markup, as for
     * a parcel going out, on the day it was bought, whoever the merchant's policy has pay for it (that
     * is between the merchant and its customer; the 3PL bought it for the merchant).
     */
    List<Charge> returnLabels(List<ReturnLabelCosts.ReturnLabelCost> labels) {
        List<Charge> charges = new ArrayList<>();
        for (ReturnLabelCosts.ReturnLabelCost label : labels) {
            String parcel = label.carrier() + " " + label.trackingNumber() + " (return " + label.rma() + ")";
            labelAndCarriage(charges, day(label.boughtAt()), "return_label", label.returnId().toString(), "Return label " + parcel, parcel,
                    label.priceMinor(), label.currency());
        }
        return charges;
    }

    private void labelAndCarriage(List<Charge> charges, LocalDate day, String causeType, String id, String labelDescription, String parcel,
                                  Long priceMinor, String currency) {
        priced(charges, day, ChargeKind.LABEL, Rates::labelPerShipment, causeType, id, labelDescription, ONE, "label");
        Optional<RateCards.RateCard> card = inForce(day);
        if (priceMinor == null || card.isEmpty()) {
            return;
        }
        requireCurrency(currency, "the carrier price of " + causeType + " " + id);
        Rates rates = card.get().rates();
        BigDecimal cost = BigDecimal.valueOf(priceMinor);
        BigDecimal rate = rates.shippingMarkupFixed() != null ? cost.add(BigDecimal.valueOf(rates.shippingMarkupFixed()))
                : markedUp(cost, rates.shippingMarkupBp() == null ? 0 : rates.shippingMarkupBp());
        String markup = rates.shippingMarkupFixed() != null ? " + " + rates.shippingMarkupFixed()
                : " + " + percent(rates.shippingMarkupBp() == null ? 0 : rates.shippingMarkupBp());
        charges.add(Charge.priced(ChargeKind.SHIPPING.code, causeType, id, day, "Carrier cost " + priceMinor + markup + ": " + parcel,
                ONE, causeType.equals("shipment") ? "shipment" : "return", rate, card.get().id()));
    }

    /** Storage per occupied location of each type and per cubic metre, a line per day. */
    List<Charge> storage(List<StorageDay> days) {
        List<Charge> charges = new ArrayList<>();
        for (StorageDay storage : days) {
            Optional<RateCards.RateCard> card = inForce(storage.day());
            if (card.isEmpty()) {
                continue;
            }
            Rates rates = card.get().rates();
            storage.locationsByType().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(occupied -> {
                Long rate = rates.storagePerLocationDay().get(occupied.getKey());
                if (rate != null) {
                    charges.add(Charge.priced(ChargeKind.STORAGE_LOCATION.code, "storage_day", storage.day() + "/" + occupied.getKey(), storage.day(),
                            occupied.getValue() + " " + occupied.getKey() + " locations on " + storage.day(), BigDecimal.valueOf(occupied.getValue()),
                            "location_day", BigDecimal.valueOf(rate), card.get().id()));
                }
            });
            if (rates.storagePerCubicMetreDay() != null && storage.volumeMm3() > 0) {
                BigDecimal cubicMetres = BigDecimal.valueOf(storage.volumeMm3()).divide(MM3_PER_M3);
                charges.add(Charge.priced(ChargeKind.STORAGE_VOLUME.code, "storage_day", storage.day() + "/volume", storage.day(),
                        cubicMetres.toPlainString() + " m³ on " + storage.day(), cubicMetres, "m3_day",
                        BigDecimal.valueOf(rates.storagePerCubicMetreDay()), card.get().id()));
            }
        }
        return charges;
    }

    List<Charge> manual(List<Manual> charges) {
        return charges.stream()
                .map(manual -> Charge.priced(ChargeKind.MANUAL.code, "manual_charge", manual.id(), manual.occurredOn(), manual.note(),
                        manual.quantity(), "unit", BigDecimal.valueOf(manual.rateMinor()), null))
                .toList();
    }

    /**
     * The top-up to the monthly minimum of the version in force on the period's first day, when the
     * period's other lines come to less; empty otherwise.
     */
    Optional<Charge> monthlyMinimum(LocalDate periodStart, String period, long otherLines) {
        return inForce(periodStart)
                .filter(card -> card.rates().monthlyMinimum() != null && otherLines < card.rates().monthlyMinimum())
                .map(card -> Charge.priced(ChargeKind.MONTHLY_MINIMUM.code, "period", period, periodStart,
                        "Monthly minimum " + card.rates().monthlyMinimum() + ", charges " + otherLines, ONE, "period",
                        BigDecimal.valueOf(card.rates().monthlyMinimum() - otherLines), card.id()));
    }

    private void priced(List<Charge> charges, LocalDate day, ChargeKind kind, Function<Rates, Long> price, String causeType, String causeId,
                        String description, BigDecimal quantity, String unit) {
        inForce(day).ifPresent(card -> {
            Long rate = price.apply(card.rates());
            if (rate != null && quantity.signum() > 0) {
                charges.add(Charge.priced(kind.code, causeType, causeId, day, description, quantity, unit, BigDecimal.valueOf(rate), card.id()));
            }
        });
    }

    private void requireCurrency(String given, String what) {
        if (!currency.equals(given)) {
            throw ApiProblem.of(ProblemType.CURRENCY_MISMATCH, "The merchant is billed in " + currency + " but " + what + " is in " + given
                    + ": it cannot be charged at cost");
        }
    }

    /** cost × (1 + bp / 10000), exact: the rounding happens once, on the line's amount. */
    private static BigDecimal markedUp(BigDecimal cost, int basisPoints) {
        return cost.multiply(BASIS.add(BigDecimal.valueOf(basisPoints))).divide(BASIS);
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints).divide(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %";
    }
}
