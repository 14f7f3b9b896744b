package io.stowage.api.boxes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which boxes an order's units go in, cheapest total first. Units that ship separately leave in their
 * own packaging, one carton each; fragile units never share a carton with ordinary ones (they may
 * share one with each other). Each of the two groups is packed on its own, exactly when small
 * ({@link ExactPacking}), else first-fit ({@link GreedyPacking}). Besides the cheapest packing, the
 * packer is offered the cheapest packing that uses only one box type, for each type that can do it,
 * so that "all in two M" can be chosen over "one L and one S". Box types in different currencies are
 * never added up: each currency's box types are packed on their own and the choices listed by cost.
 */
final class Cartonization {

    static final int MAX_CHOICES = 5;
    static final String NO_CURRENCY = "XXX";
    /**
     * Up to this many units a one-box-type alternative is found exactly too; beyond, first-fit, which for
     * boxes all alike is close to the best, and keeps 20 box types times 3^12 steps out of a packer's wait.
     */
    static final int MAX_EXACT_ALTERNATIVE = 8;

    private Cartonization() {
    }

    /** The choices, cheapest first, at most {@link #MAX_CHOICES}; empty when some unit fits no box. */
    static List<BoxChoice> choose(List<UnitShape> units, List<CandidateBox> boxes) {
        List<Item> separate = new ArrayList<>();
        List<Item> fragile = new ArrayList<>();
        List<Item> ordinary = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Item item = Item.of(i, units.get(i));
            (item.shape().shipsSeparately() ? separate : item.shape().fragile() ? fragile : ordinary).add(item);
        }
        Map<String, List<CandidateBox>> byCurrency = boxes.stream()
                .collect(Collectors.groupingBy(CandidateBox::currency, TreeMap::new, Collectors.toList()));
        if (fragile.isEmpty() && ordinary.isEmpty()) {
            String currency = byCurrency.size() == 1 ? byCurrency.keySet().iterator().next() : NO_CURRENCY;
            return List.of(choice(Packing.EMPTY, separate, currency));
        }
        List<Priced> options = new ArrayList<>();
        byCurrency.forEach((currency, sameCurrency) -> packings(fragile, ordinary, sameCurrency)
                .forEach(packing -> options.add(new Priced(packing, currency))));
        options.sort(Comparator.comparing(Priced::packing, Packing.CHEAPEST).thenComparing(Priced::currency));
        Set<String> seen = new HashSet<>();
        List<BoxChoice> choices = new ArrayList<>();
        for (Priced option : options) {
            if (choices.size() < MAX_CHOICES && seen.add(option.currency + ":" + option.packing.codes())) {
                choices.add(choice(option.packing, separate, option.currency));
            }
        }
        return choices;
    }

    private record Priced(Packing packing, String currency) {
    }

    /** The cheapest packing with these boxes, then one per box type that can pack the groups alone. */
    private static List<Packing> packings(List<Item> fragile, List<Item> ordinary, List<CandidateBox> boxes) {
        Optional<Packing> cheapestFragile = cheapest(fragile, boxes);
        Optional<Packing> cheapestOrdinary = cheapest(ordinary, boxes);
        if (cheapestFragile.isEmpty() || cheapestOrdinary.isEmpty()) {
            return List.of();
        }
        List<Packing> packings = new ArrayList<>();
        packings.add(cheapestFragile.get().plus(cheapestOrdinary.get()));
        for (CandidateBox box : boxes) {
            Optional<Packing> onlyFragile = only(fragile, box);
            Optional<Packing> onlyOrdinary = only(ordinary, box);
            if (onlyFragile.isPresent() || onlyOrdinary.isPresent()) {
                packings.add(onlyFragile.orElse(cheapestFragile.get()).plus(onlyOrdinary.orElse(cheapestOrdinary.get())));
            }
        }
        return packings;
    }

    private static Optional<Packing> cheapest(List<Item> items, List<CandidateBox> boxes) {
        return items.size() <= ExactPacking.MAX_UNITS ? ExactPacking.pack(items, boxes) : GreedyPacking.pack(items, boxes);
    }

    /** The group in boxes of one type; empty for an empty group, which needs no box of any type. */
    private static Optional<Packing> only(List<Item> items, CandidateBox box) {
        if (items.isEmpty() || items.stream().anyMatch(item -> !PackedCarton.fits(box, List.of(item)))) {
            return Optional.empty();
        }
        return items.size() <= MAX_EXACT_ALTERNATIVE ? ExactPacking.pack(items, List.of(box)) : GreedyPacking.packOnly(items, box);
    }

    private static BoxChoice choice(Packing packing, List<Item> separate, String currency) {
        List<Placed> placed = new ArrayList<>();
        for (PackedCarton carton : packing.cartons()) {
            CandidateBox box = carton.box();
            List<Item> items = carton.items().stream().sorted(Comparator.comparingInt(Item::index)).toList();
            placed.add(new Placed(items.get(0).index(), new BoxChoice.Carton(box.code(), box.lengthMm(), box.widthMm(), box.heightMm(),
                    box.tareGrams(), box.tareGrams() + items.stream().mapToInt(Item::weight).sum(),
                    items.stream().map(item -> item.shape().variantId()).toList())));
        }
        for (Item item : separate) {
            UnitShape unit = item.shape();
            placed.add(new Placed(item.index(), new BoxChoice.Carton(null, unit.lengthMm(), unit.widthMm(), unit.heightMm(), 0,
                    unit.weightGrams(), List.of(unit.variantId()))));
        }
        // Cartons in the order of the units they hold, so parcel 1 holds the order's first unit.
        placed.sort(Comparator.comparingInt(Placed::firstUnit));
        return new BoxChoice(placed.stream().map(Placed::carton).toList(), packing.cost(), currency);
    }

    private record Placed(int firstUnit, BoxChoice.Carton carton) {
    }
}
