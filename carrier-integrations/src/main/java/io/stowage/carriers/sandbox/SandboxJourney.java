package io.stowage.carriers.sandbox;

import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.tracking.PickupPoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.stowage.carriers.sandbox.SandboxStatusCodes.ADDRESS_NOT_FOUND;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.ARRIVED_AT_HUB;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.ATTEMPT_FAILED;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.AT_PICKUP_POINT;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.CANCELLED;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.COLLECTED;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.DELIVERED;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.DEPARTED_HUB;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.DROPPED_OFF;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.LABEL_CREATED;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.OUT_FOR_DELIVERY;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.PICKED_UP;
import static io.stowage.carriers.sandbox.SandboxStatusCodes.RETURNED;

/** Plans every scan of one sandbox parcel at label time; tracking then reveals those already past. */
final class SandboxJourney {

    /** After these the sandbox gives no estimate: the parcel arrived, goes back, or never left. */
    private static final Set<String> NO_ESTIMATE_AFTER = Set.of(DELIVERED, COLLECTED, ADDRESS_NOT_FOUND, RETURNED, CANCELLED);

    private SandboxJourney() {
    }

    /**
     * @param zone where the sandbox's days are counted (a pickup point's collect-by day)
     */
    static List<SandboxParcel.Scan> plan(SandboxSettings settings, String trackingNumber, DeliveryMode mode, Instant labelCreated,
                           String originCity, String destinationCity, ZoneId zone) {
        Random random = new Random(settings.seed() * 31 + trackingNumber.hashCode());
        List<SandboxParcel.Scan> scans = new ArrayList<>();
        Instant at = labelCreated;
        scans.add(new SandboxParcel.Scan(at, LABEL_CREATED, "Shipment information received", originCity));
        at = at.plus(settings.pickupDelay());
        scans.add(new SandboxParcel.Scan(at, PICKED_UP, "Picked up", originCity));
        at = at.plus(settings.hubDelay());
        scans.add(new SandboxParcel.Scan(at, ARRIVED_AT_HUB, "Arrived at sorting hub", originCity + " hub"));
        if (random.nextDouble() < settings.addressProblemRate()) {
            at = at.plus(settings.hubDelay());
            scans.add(new SandboxParcel.Scan(at, ADDRESS_NOT_FOUND, "Address could not be found", originCity + " hub"));
            scans.add(new SandboxParcel.Scan(at.plus(settings.lastMileDelay().multipliedBy(2)), RETURNED, "Returned to sender", originCity));
            return scans;
        }
        at = at.plus(settings.hubDelay());
        scans.add(new SandboxParcel.Scan(at, DEPARTED_HUB, "Departed sorting hub", originCity + " hub"));
        at = at.plus(settings.hubDelay());
        boolean waitsAtPickupPoint = mode.isCollectedByRecipient();
        if (!waitsAtPickupPoint) {
            scans.add(new SandboxParcel.Scan(at, OUT_FOR_DELIVERY, "Out for delivery", destinationCity));
            at = at.plus(settings.lastMileDelay());
            if (random.nextDouble() >= settings.failedAttemptRate()) {
                scans.add(new SandboxParcel.Scan(at, DELIVERED, "Delivered", destinationCity));
                return scans;
            }
            scans.add(new SandboxParcel.Scan(at, ATTEMPT_FAILED, "Recipient not at home, notice left", destinationCity));
            at = at.plus(settings.lastMileDelay());
        }
        // A parcel sent to a pickup point goes to the city's locker; one nobody was home for, to its post office.
        LocalDate arrived = at.atZone(zone).toLocalDate();
        PickupPoint point = waitsAtPickupPoint ? SandboxPickupPoints.locker(destinationCity, arrived)
                : SandboxPickupPoints.postOffice(destinationCity, arrived);
        scans.add(new SandboxParcel.Scan(at, AT_PICKUP_POINT, "Ready for collection", point.name(), point));
        Duration waiting = settings.lastMileDelay().multipliedBy(2);
        if (random.nextDouble() < settings.returnRate()) {
            scans.add(new SandboxParcel.Scan(at.plus(waiting.multipliedBy(2)), RETURNED, "Not collected, returned to sender", originCity));
        } else {
            scans.add(new SandboxParcel.Scan(at.plus(waiting), COLLECTED, "Collected by recipient", point.name()));
        }
        return scans;
    }

    /**
     * The way back of a return parcel handed in at a parcel shop at {@code droppedOff}: accepted there,
     * sorted at the hub and sent on to the warehouse, where it waits for the warehouse to receive it
     * ({@link #delivered}): the sandbox cannot know when a returns station gets to it.
     */
    static List<SandboxParcel.Scan> planReturn(SandboxSettings settings, Instant droppedOff) {
        Instant atHub = droppedOff.plus(settings.pickupDelay());
        return List.of(
                new SandboxParcel.Scan(droppedOff, DROPPED_OFF, "Handed in at a parcel shop", "Sandbox parcel shop"),
                new SandboxParcel.Scan(atHub, ARRIVED_AT_HUB, "Arrived at sorting hub", "Sandbox sorting hub"),
                new SandboxParcel.Scan(atHub.plus(settings.hubDelay()), DEPARTED_HUB, "Departed sorting hub for the sender's warehouse",
                        "Sandbox sorting hub"));
    }

    /**
     * The scans of a return the warehouse received at {@code at}: those already past, then its delivery
     * (the warehouse's receipt is the carrier's delivery); scans still planned for later never happen.
     */
    static List<SandboxParcel.Scan> delivered(List<SandboxParcel.Scan> scans, Instant at) {
        List<SandboxParcel.Scan> happened = new ArrayList<>(scans.stream().filter(scan -> !scan.at().isAfter(at)).toList());
        happened.add(new SandboxParcel.Scan(at, DELIVERED, "Delivered to the sender's warehouse", "Sender's warehouse"));
        return happened;
    }

    /**
     * The sandbox's own estimate of delivery as it stands once the scans up to {@code asOf} are known,
     * as a carrier would say it: at label time, the day the parcel arrives when every leg goes as
     * planned (pickup, three hub steps, the last mile); after a failed attempt, the day it reaches the
     * pickup point. It knows no more of the future than a carrier does (a failed attempt still to come
     * does not move it). None once the parcel arrived, goes back, or was cancelled, nor before the label.
     */
    static Optional<LocalDate> estimate(SandboxSettings settings, List<SandboxParcel.Scan> scans, Instant asOf, ZoneId zone) {
        List<SandboxParcel.Scan> known = scans.stream().filter(scan -> !scan.at().isAfter(asOf)).toList();
        if (known.isEmpty() || known.stream().anyMatch(scan -> NO_ESTIMATE_AFTER.contains(scan.code()))) {
            return Optional.empty();
        }
        if (known.stream().anyMatch(scan -> scan.code().equals(ATTEMPT_FAILED))) {
            return scans.stream().filter(scan -> scan.code().equals(AT_PICKUP_POINT)).findFirst()
                    .map(waiting -> waiting.at().atZone(zone).toLocalDate());
        }
        Instant planned = scans.get(0).at().plus(settings.pickupDelay()).plus(settings.hubDelay().multipliedBy(3))
                .plus(settings.lastMileDelay());
        return Optional.of(planned.atZone(zone).toLocalDate());
    }
}
