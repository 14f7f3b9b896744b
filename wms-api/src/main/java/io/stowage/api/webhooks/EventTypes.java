package io.stowage.api.webhooks;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The event types the service writes to the outbox, the one place they are named, and what an
 * endpoint subscribes to: exact types ({@code order.accepted}), a family of types ({@code order.*})
 * or everything ({@code *}). The same rule is written once in SQL, so the fan-out and a replay
 * choose the same endpoints. Each type's payload is described by a JSON Schema in
 * {@code docs/events/<type>.json}; the tests check every event written against it.
 */
@Published
public final class EventTypes {

    public static final String ORDER_ACCEPTED = "order.accepted";
    public static final String ORDER_STATUS_CHANGED = "order.status_changed";
    public static final String ORDER_ALLOCATED = "order.allocated";
    public static final String ORDER_BACKORDERED = "order.backordered";
    public static final String ORDER_CANCELLED = "order.cancelled";
    /** Every unit of the order is in closed cartons at the pack station; the payload lists the parcels. */
    public static final String ORDER_PACKED = "order.packed";
    public static final String STOCK_LEVEL_CHANGED = "stock.level_changed";
    public static final String VARIANT_BACK_IN_STOCK = "variant.back_in_stock";
    public static final String VARIANT_BACK_IN_STOCK_SUBSCRIBERS = "variant.back_in_stock_subscribers";
    public static final String SHIPMENT_CREATED = "shipment.created";
    public static final String SHIPMENT_VOIDED = "shipment.voided";
    public static final String SHIPMENT_SHIPPED = "shipment.shipped";
    /** An invoice or a credit note of the merchant was finalised: numbered, immutable, due. */
    public static final String INVOICE_FINALISED = "invoice.finalised";
    /** A return (RMA) was opened against a shipped order: its lines, label and any exchange order. */
    public static final String RETURN_REQUESTED = "return.requested";
    /** The returns station received and graded a return's units; the merchant may refund. */
    public static final String RETURN_RECEIVED = "return.received";
    /** The parcel's normalised tracking status changed (tracking). */
    public static final String SHIPMENT_TRACKING_UPDATED = "shipment.tracking_updated";
    /** The parcel was delivered or collected; once per shipment. */
    public static final String SHIPMENT_DELIVERED = "shipment.delivered";
    /** The parcel is late (ETA past the promise, or silent for longer than its lane takes); once per shipment. */
    public static final String SHIPMENT_DELAYED = "shipment.delayed";
    /** The carrier reported a problem (failed attempt, address problem, return to sender); once per shipment. */
    public static final String SHIPMENT_EXCEPTION = "shipment.exception";

    /** Every type above; a type written to the outbox that is not here has no schema and fails the tests. */
    public static final List<String> ALL = List.of(ORDER_ACCEPTED, ORDER_STATUS_CHANGED, ORDER_ALLOCATED, ORDER_BACKORDERED,
            ORDER_CANCELLED, ORDER_PACKED, STOCK_LEVEL_CHANGED, VARIANT_BACK_IN_STOCK, VARIANT_BACK_IN_STOCK_SUBSCRIBERS,
            SHIPMENT_CREATED, SHIPMENT_VOIDED, SHIPMENT_SHIPPED, INVOICE_FINALISED, RETURN_REQUESTED, RETURN_RECEIVED,
            SHIPMENT_TRACKING_UPDATED, SHIPMENT_DELIVERED, SHIPMENT_DELAYED, SHIPMENT_EXCEPTION);

    private static final Pattern WELL_FORMED = Pattern.compile("\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?");
    static final int MAX_PATTERNS = 50;

    /** True when one of the endpoint's patterns (alias {@code e}) matches the bound {@code :type}. */
    static final String MATCHES_SQL = """
            EXISTS (SELECT 1 FROM unnest(e.event_types) AS p(pattern)
                    WHERE p.pattern = '*' OR p.pattern = :type
                       OR (right(p.pattern, 2) = '.*' AND starts_with(:type, left(p.pattern, -1))))
            """;

    private EventTypes() {
    }

    /** The patterns without duplicates, in the order given, or a 422 naming each bad one. */
    static List<String> validated(List<String> patterns) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern == null || !WELL_FORMED.matcher(pattern).matches()) {
                problems.add(new ApiProblem.FieldProblem("event_types[" + i + "]",
                        "must be an event type such as order.accepted, a family such as order.*, or *"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("event_types holds patterns that are not event types", problems);
        }
        return patterns.stream().distinct().toList();
    }
}
