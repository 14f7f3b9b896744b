package io.stowage.picking.batching;

/** A cart trip the solver may fill; {@code sequence} 0 is picked first. */
public record BatchSlot(int sequence, CartCapacity capacity) {
}
