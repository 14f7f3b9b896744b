package io.stowage.api.boxes;

/** A unit to pack with its place in the caller's list, so cartons can name the units they hold. */
record Item(int index, UnitShape shape, Sides sides) {

    static Item of(int index, UnitShape shape) {
        return new Item(index, shape, Sides.of(shape.lengthMm(), shape.widthMm(), shape.heightMm()));
    }

    long volume() {
        return sides.volume();
    }

    int weight() {
        return shape.weightGrams();
    }
}
