package io.stowage.picking.layout;

/** A position on the warehouse floor in metres. */
public record Point(double x, double y) {
}
