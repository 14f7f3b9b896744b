package io.stowage.carriers.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's parcels in this process's memory: for tests, demos and a single instance. Every stage is already complete. */
public final class InMemorySandboxParcels implements SandboxParcels {

    private final Map<String, SandboxParcel> parcels = new ConcurrentHashMap<>();
    private final Map<String, Instant> returnLabels = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> add(SandboxParcel parcel) {
        parcels.putIfAbsent(parcel.trackingNumber(), parcel);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<SandboxParcel>> find(String trackingNumber) {
        return CompletableFuture.completedFuture(Optional.ofNullable(parcels.get(trackingNumber)));
    }

    @Override
    public CompletionStage<Void> replace(SandboxParcel parcel) {
        parcels.put(parcel.trackingNumber(), parcel);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> markWebhooksSent(SandboxParcel sent) {
        parcels.computeIfPresent(sent.trackingNumber(), (number, stored) -> stored.hasScansOf(sent)
                && stored.webhooksSent() < sent.webhooksSent()
                ? new SandboxParcel(number, stored.scans(), stored.cancelledAt(), sent.webhooksSent()) : stored);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<SandboxParcel>> withUnsentScans() {
        return CompletableFuture.completedFuture(
                parcels.values().stream().filter(parcel -> parcel.webhooksSent() < parcel.scans().size()).toList());
    }

    @Override
    public CompletionStage<Void> addReturnLabel(String trackingNumber, Instant issuedAt) {
        returnLabels.putIfAbsent(trackingNumber, issuedAt);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Instant>> returnLabelIssuedAt(String trackingNumber) {
        return CompletableFuture.completedFuture(Optional.ofNullable(returnLabels.get(trackingNumber)));
    }
}
