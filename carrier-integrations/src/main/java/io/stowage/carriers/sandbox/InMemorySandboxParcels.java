package io.stowage.carriers.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's parcels in this process's memory: for tests, demos and a single instance. */
public final class InMemorySandboxParcels implements SandboxParcels {

    private final Map<String, SandboxParcel> parcels = new ConcurrentHashMap<>();
    private final Map<String, Instant> returnLabels = new ConcurrentHashMap<>();

    @Override
    public void add(SandboxParcel parcel) {
        parcels.putIfAbsent(parcel.trackingNumber(), parcel);
    }

    @Override
    public Optional<SandboxParcel> find(String trackingNumber) {
        return Optional.ofNullable(parcels.get(trackingNumber));
    }

    @Override
    public void replace(SandboxParcel parcel) {
        parcels.put(parcel.trackingNumber(), parcel);
    }

    @Override
    public List<SandboxParcel> withUnsentScans() {
        return parcels.values().stream().filter(parcel -> parcel.webhooksSent() < parcel.scans().size()).toList();
    }

    @Override
    public void addReturnLabel(String trackingNumber, Instant issuedAt) {
        returnLabels.putIfAbsent(trackingNumber, issuedAt);
    }

    @Override
    public Optional<Instant> returnLabelIssuedAt(String trackingNumber) {
        return Optional.ofNullable(returnLabels.get(trackingNumber));
    }
}
