package io.stowage.carriers.spi;

/** Where the recipient receives the parcel. */
public enum DeliveryMode {
    DOOR,
    PICKUP_POINT,
    PARCEL_LOCKER;

    /** Pickup points and lockers both satisfy a customer who chose to collect the parcel. */
    public boolean isCollectedByRecipient() {
        return this != DOOR;
    }
}
