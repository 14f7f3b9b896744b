package io.stowage.carriers.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the sandbox keeps its parcels. A real carrier keeps them on its side, so a label bought through
 * one instance of a service can be voided or tracked through another; a service running several
 * instances gives the sandbox a store they share (its database), where a single process may keep them
 * in memory ({@link InMemorySandboxParcels}). Every call answers with a stage, as the carrier's own
 * calls do, so a store over a database never makes its caller wait.
 */
public interface SandboxParcels {

    /** Keeps a newly labelled parcel; a parcel already kept under its tracking number stays as it is (a label printed again). */
    CompletionStage<Void> add(SandboxParcel parcel);

    CompletionStage<Optional<SandboxParcel>> find(String trackingNumber);

    /** Stores the parcel's new state (cancelled, delivered back to the warehouse). */
    CompletionStage<Void> replace(SandboxParcel parcel);

    /**
     * Records that the parcel's first {@code sent.webhooksSent()} scans went out as webhooks, only while fewer were
     * recorded and the stored parcel still {@linkplain SandboxParcel#hasScansOf has the scans of} {@code sent}; its
     * scans are never written, so a cancel or another instance's change written meanwhile is not undone by a webhook
     * run's older copy (if the scans changed, the next run sends them again, as carriers deliver at least once).
     */
    CompletionStage<Void> markWebhooksSent(SandboxParcel sent);

    /** Parcels with scans not yet sent as webhooks, for {@link SandboxCarrier#dueWebhooks}. */
    CompletionStage<List<SandboxParcel>> withUnsentScans();

    /**
     * Records a return label the sandbox issued (no parcel: the sandbox keeps none until the return
     * is dropped off); a label issued again under its tracking number keeps its first time.
     */
    CompletionStage<Void> addReturnLabel(String trackingNumber, Instant issuedAt);

    /** When the sandbox issued the return label with this tracking number; empty for a number it never issued as one. */
    CompletionStage<Optional<Instant>> returnLabelIssuedAt(String trackingNumber);
}
