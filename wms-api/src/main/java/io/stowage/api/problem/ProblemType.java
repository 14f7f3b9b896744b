package io.stowage.api.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * A kind of refusal: the {@code type} URI clients switch on, the HTTP status and the title of
 * every problem of that kind. The constants below are every type the service answers with; a new
 * refusal adds one here rather than spelling a slug at the call site. Only a status the framework
 * itself raises without one of these (for example 415) gets a type derived from the status, see
 * {@link #forStatus(HttpStatus)}.
 */
public record ProblemType(String slug, HttpStatus status, String title) {

    private static final String TYPE_BASE = "https://stowage.io/problems/";

    // Requests that cannot be served as sent
    public static final ProblemType INVALID_REQUEST = new ProblemType("invalid-request", HttpStatus.UNPROCESSABLE_CONTENT, "The request is not valid");
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", HttpStatus.NOT_FOUND, "Not found");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", HttpStatus.FORBIDDEN, "Forbidden");
    public static final ProblemType BADGE_LOCKED = new ProblemType("badge-locked", HttpStatus.TOO_MANY_REQUESTS, "Badge locked");
    public static final ProblemType REQUEST_TOO_LARGE = new ProblemType("request-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request is too large");
    public static final ProblemType IMPORT_TOO_LARGE = new ProblemType("import-too-large", HttpStatus.CONTENT_TOO_LARGE, "The import is too large");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused");
    public static final ProblemType ALREADY_EXISTS = new ProblemType("already-exists", HttpStatus.CONFLICT, "Already exists");
    public static final ProblemType INTEGRITY_VIOLATION = new ProblemType("integrity-violation", HttpStatus.CONFLICT, "The change breaks a rule of the data");
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    // Catalog
    public static final ProblemType VARIANT_HAS_STOCK_HISTORY = new ProblemType("variant-has-stock-history", HttpStatus.CONFLICT, "The variant has stock history");
    public static final ProblemType VARIANT_IN_USE = new ProblemType("variant-in-use", HttpStatus.CONFLICT, "The variant is in use");

    // Network
    public static final ProblemType NODE_EXISTS = new ProblemType("node-exists", HttpStatus.CONFLICT, "Node exists");
    public static final ProblemType ZONE_EXISTS = new ProblemType("zone-exists", HttpStatus.CONFLICT, "Zone exists");
    public static final ProblemType LOCATION_EXISTS = new ProblemType("location-exists", HttpStatus.CONFLICT, "Locations exist");
    public static final ProblemType LOCATION_CONFLICT = new ProblemType("location-conflict", HttpStatus.CONFLICT, "Locations exist with other attributes");
    public static final ProblemType NOTHING_TO_PRINT = new ProblemType("nothing-to-print", HttpStatus.UNPROCESSABLE_CONTENT, "Nothing to print");
    public static final ProblemType TOO_MANY_LABELS = new ProblemType("too-many-labels", HttpStatus.UNPROCESSABLE_CONTENT, "Too many labels");

    // Inventory and inbound
    public static final ProblemType INSUFFICIENT_STOCK = new ProblemType("insufficient-stock", HttpStatus.CONFLICT, "Not enough stock");
    public static final ProblemType STOCK_RESERVED = new ProblemType("stock-reserved", HttpStatus.CONFLICT, "Stock is reserved");
    public static final ProblemType NO_FREE_LOCATION = new ProblemType("no-free-location", HttpStatus.CONFLICT, "No free location");
    public static final ProblemType ASN_CLOSED = new ProblemType("asn-closed", HttpStatus.CONFLICT, "ASN closed");
    public static final ProblemType COUNT_NOT_OPEN = new ProblemType("count-not-open", HttpStatus.CONFLICT, "Count not open");
    public static final ProblemType COUNT_ALREADY_OPEN = new ProblemType("count-already-open", HttpStatus.CONFLICT, "A count is already open");
    public static final ProblemType COUNT_NOT_COUNTED = new ProblemType("count-not-counted", HttpStatus.CONFLICT, "Nothing to decide");

    // Orders
    public static final ProblemType INTAKE_BUSY = new ProblemType("intake-busy", HttpStatus.SERVICE_UNAVAILABLE, "Too many orders waiting");
    public static final ProblemType ORDER_ALREADY_CANCELLED = new ProblemType("order-already-cancelled", HttpStatus.CONFLICT, "Order already cancelled");
    public static final ProblemType ORDER_NOT_CANCELLABLE = new ProblemType("order-not-cancellable", HttpStatus.CONFLICT, "Order cannot be cancelled");
    public static final ProblemType ORDER_NOT_HOLDABLE = new ProblemType("order-not-holdable", HttpStatus.CONFLICT, "Order cannot be put on hold");
    public static final ProblemType ORDER_NOT_ON_HOLD = new ProblemType("order-not-on-hold", HttpStatus.CONFLICT, "Order is not on hold");
    public static final ProblemType ORDER_NOT_RELEASABLE = new ProblemType("order-not-releasable", HttpStatus.CONFLICT, "Order cannot be released");
    public static final ProblemType ORDER_NOT_RELEASED = new ProblemType("order-not-released", HttpStatus.CONFLICT, "Order is not on the floor");

    // Waves and floor tasks
    public static final ProblemType NO_ORDERS_FOR_WAVE = new ProblemType("no-orders-for-wave", HttpStatus.UNPROCESSABLE_CONTENT, "No orders for a wave");
    public static final ProblemType WAVE_NOT_PLANNING = new ProblemType("wave-not-planning", HttpStatus.CONFLICT, "Wave is not planning");
    public static final ProblemType WAVE_NOT_PLANNED = new ProblemType("wave-not-planned", HttpStatus.CONFLICT, "Wave is not planned");
    public static final ProblemType WAVE_RELEASED = new ProblemType("wave-released", HttpStatus.CONFLICT, "Wave already released");
    public static final ProblemType NOT_YOUR_BATCH = new ProblemType("not-your-batch", HttpStatus.CONFLICT, "Not your batch");
    public static final ProblemType TASK_ALREADY_CONFIRMED = new ProblemType("task-already-confirmed", HttpStatus.CONFLICT, "Task already confirmed");
    public static final ProblemType REPLENISHMENT_DONE = new ProblemType("replenishment-done", HttpStatus.CONFLICT, "Replenishment already done");
    public static final ProblemType PUT_BACK_DONE = new ProblemType("put-back-done", HttpStatus.CONFLICT, "Put-back already done");
    public static final ProblemType NO_DROP_OFF_LOCATION = new ProblemType("no-drop-off-location", HttpStatus.CONFLICT, "No pack station");
    public static final ProblemType WRONG_LOCATION = new ProblemType("wrong-location", HttpStatus.UNPROCESSABLE_CONTENT, "Wrong location");
    public static final ProblemType WRONG_DESTINATION = new ProblemType("wrong-destination", HttpStatus.UNPROCESSABLE_CONTENT, "Wrong destination");
    public static final ProblemType WRONG_PRODUCT = new ProblemType("wrong-product", HttpStatus.UNPROCESSABLE_CONTENT, "Wrong product");
    public static final ProblemType WRONG_TOTE = new ProblemType("wrong-tote", HttpStatus.UNPROCESSABLE_CONTENT, "Wrong tote");

    // Packing
    public static final ProblemType ORDER_NOT_PACKABLE = new ProblemType("order-not-packable", HttpStatus.CONFLICT, "Order cannot be packed");
    public static final ProblemType NOT_A_PACK_STATION = new ProblemType("not-a-pack-station", HttpStatus.UNPROCESSABLE_CONTENT, "Not a pack station");
    public static final ProblemType NOTHING_TO_PACK = new ProblemType("nothing-to-pack", HttpStatus.CONFLICT, "Nothing to pack");
    public static final ProblemType ORDER_IN_ANOTHER_SESSION = new ProblemType("order-in-another-session", HttpStatus.CONFLICT, "Order is packed in another session");
    public static final ProblemType NOT_YOUR_PACK_SESSION = new ProblemType("not-your-pack-session", HttpStatus.CONFLICT, "Not your pack session");
    public static final ProblemType ORDER_NOT_IN_SESSION = new ProblemType("order-not-in-session", HttpStatus.CONFLICT, "Order is not in this pack session");
    public static final ProblemType CARTON_ALREADY_OPEN = new ProblemType("carton-already-open", HttpStatus.CONFLICT, "A carton of the order is open");
    public static final ProblemType CARTON_NOT_OPEN = new ProblemType("carton-not-open", HttpStatus.CONFLICT, "Carton is not open");
    public static final ProblemType CARTON_EMPTY = new ProblemType("carton-empty", HttpStatus.CONFLICT, "Carton is empty");
    public static final ProblemType ITEM_NOT_IN_ORDER = new ProblemType("item-not-in-order", HttpStatus.UNPROCESSABLE_CONTENT, "Item is not in this order");
    public static final ProblemType ITEM_OF_ANOTHER_ORDER = new ProblemType("item-of-another-order", HttpStatus.UNPROCESSABLE_CONTENT, "Item belongs to another order");
    public static final ProblemType ONE_TOO_MANY = new ProblemType("one-too-many", HttpStatus.UNPROCESSABLE_CONTENT, "One too many");
    public static final ProblemType WRONG_LOT = new ProblemType("wrong-lot", HttpStatus.UNPROCESSABLE_CONTENT, "Wrong lot");
    public static final ProblemType ORDER_CANCELLED_WHILE_PACKING = new ProblemType("order-cancelled-while-packing", HttpStatus.CONFLICT, "Order was cancelled");
    public static final ProblemType ORDER_ON_HOLD = new ProblemType("order-on-hold", HttpStatus.CONFLICT, "Order is on hold");
    public static final ProblemType CARTON_NOT_IN_RECHECK = new ProblemType("carton-not-in-recheck", HttpStatus.CONFLICT, "Carton is not waiting for a weight re-check");
    public static final ProblemType NO_BOX_FITS = new ProblemType("no-box-fits", HttpStatus.UNPROCESSABLE_CONTENT, "No box fits");

    // Shipping
    public static final ProblemType SHIPMENT_NOT_LABELLED = new ProblemType("shipment-not-labelled", HttpStatus.CONFLICT, "Shipment has no label");
    public static final ProblemType SHIPMENT_NOT_VOIDABLE = new ProblemType("shipment-not-voidable", HttpStatus.CONFLICT, "Shipment cannot be voided");
    public static final ProblemType SHIPMENT_NOT_RETRYABLE = new ProblemType("shipment-not-retryable", HttpStatus.CONFLICT, "Shipment label is not failed");
    public static final ProblemType CARTON_NOT_RELABELLABLE = new ProblemType("carton-not-relabellable", HttpStatus.CONFLICT, "Carton cannot be labelled again");
    public static final ProblemType SHIPMENT_NOT_SHIPPABLE = new ProblemType("shipment-not-shippable", HttpStatus.CONFLICT, "Shipment cannot be loaded or shipped");
    public static final ProblemType CARRIER_REFUSED_VOID = new ProblemType("carrier-refused-void", HttpStatus.CONFLICT, "The carrier refused to void the label");
    public static final ProblemType CARRIER_UNAVAILABLE = new ProblemType("carrier-unavailable", HttpStatus.BAD_GATEWAY, "The carrier did not answer");
    public static final ProblemType CREDENTIALS_KEY_MISSING = new ProblemType("credentials-key-missing", HttpStatus.CONFLICT, "Carrier credentials cannot be stored");
    public static final ProblemType UNKNOWN_CARRIER = new ProblemType("unknown-carrier", HttpStatus.UNPROCESSABLE_CONTENT, "Unknown carrier");

    // Tracking: carriers' webhooks
    public static final ProblemType CARRIER_WEBHOOK_NOT_ACCEPTED = new ProblemType("carrier-webhook-not-accepted", HttpStatus.NOT_FOUND, "No webhooks are taken from this carrier");
    public static final ProblemType CARRIER_WEBHOOK_SIGNATURE_INVALID = new ProblemType("carrier-webhook-signature-invalid", HttpStatus.UNAUTHORIZED, "The webhook signature does not match");
    public static final ProblemType CARRIER_WEBHOOK_MALFORMED = new ProblemType("carrier-webhook-malformed", HttpStatus.BAD_REQUEST, "The webhook body is not what the carrier sends");

    // Boxes and cartonization
    public static final ProblemType BOX_TOO_SMALL = new ProblemType("box-too-small", HttpStatus.UNPROCESSABLE_CONTENT, "The box cannot take these units");

    // Dispatch: loading cartons onto carriers' trailers, manifests
    public static final ProblemType WRONG_CARRIER = new ProblemType("wrong-carrier", HttpStatus.UNPROCESSABLE_CONTENT, "Wrong carrier");
    public static final ProblemType CARTON_NOT_LABELLED = new ProblemType("carton-not-labelled", HttpStatus.CONFLICT, "Carton has no label");
    public static final ProblemType CARTON_VOIDED = new ProblemType("carton-voided", HttpStatus.CONFLICT, "Carton's label is voided");
    public static final ProblemType CARTON_ALREADY_LOADED = new ProblemType("carton-already-loaded", HttpStatus.CONFLICT, "Carton already loaded");
    public static final ProblemType ORDER_NOT_PACKED = new ProblemType("order-not-packed", HttpStatus.CONFLICT, "Order is not packed");
    public static final ProblemType LOAD_CLOSED = new ProblemType("load-closed", HttpStatus.CONFLICT, "Load closed");
    public static final ProblemType LOAD_OPEN = new ProblemType("load-open", HttpStatus.CONFLICT, "Load not closed yet");
    public static final ProblemType LOAD_EMPTY = new ProblemType("load-empty", HttpStatus.UNPROCESSABLE_CONTENT, "Load is empty");

    // Billing
    public static final ProblemType RATE_CARD_OVERLAP = new ProblemType("rate-card-overlap", HttpStatus.CONFLICT, "Rate card versions overlap");
    public static final ProblemType CURRENCY_MISMATCH = new ProblemType("currency-mismatch", HttpStatus.UNPROCESSABLE_CONTENT, "The currency does not match the merchant's");
    public static final ProblemType NO_BILLING_ACCOUNT = new ProblemType("no-billing-account", HttpStatus.CONFLICT, "The merchant has no billing account");
    public static final ProblemType PERIOD_NOT_OVER = new ProblemType("period-not-over", HttpStatus.UNPROCESSABLE_CONTENT, "The period is not over");
    public static final ProblemType PERIOD_EMPTY = new ProblemType("period-empty", HttpStatus.UNPROCESSABLE_CONTENT, "Nothing to invoice for the period");
    public static final ProblemType INVOICE_FINALISED = new ProblemType("invoice-finalised", HttpStatus.CONFLICT, "The invoice is finalised");
    public static final ProblemType INVOICE_NOT_FINALISED = new ProblemType("invoice-not-finalised", HttpStatus.CONFLICT, "The invoice is not finalised");

    // Returns and exchanges
    public static final ProblemType NO_RETURN_POLICY = new ProblemType("no-return-policy", HttpStatus.CONFLICT, "The merchant has no return policy");
    public static final ProblemType ORDER_NOT_SHIPPED = new ProblemType("order-not-shipped", HttpStatus.CONFLICT, "The order has not shipped");
    public static final ProblemType RETURN_WINDOW_CLOSED = new ProblemType("return-window-closed", HttpStatus.CONFLICT, "The return window has closed");
    public static final ProblemType NOT_RETURNABLE = new ProblemType("not-returnable", HttpStatus.UNPROCESSABLE_CONTENT, "The item cannot be returned");
    public static final ProblemType MORE_THAN_SHIPPED = new ProblemType("more-than-shipped", HttpStatus.CONFLICT, "More units than were shipped");
    public static final ProblemType ALREADY_RETURNED = new ProblemType("already-returned", HttpStatus.CONFLICT, "More units than the order has left to return");
    public static final ProblemType EXCHANGES_NOT_ALLOWED = new ProblemType("exchanges-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT, "The merchant does not take exchanges");
    public static final ProblemType EXCHANGE_UNAVAILABLE = new ProblemType("exchange-unavailable", HttpStatus.CONFLICT, "The exchange variant is not in stock");
    public static final ProblemType RETURN_ALREADY_RECEIVED = new ProblemType("return-already-received", HttpStatus.CONFLICT, "The return was already received");
    public static final ProblemType ITEM_NOT_IN_RETURN = new ProblemType("item-not-in-return", HttpStatus.UNPROCESSABLE_CONTENT, "Item is not in this return");
    public static final ProblemType RETURN_LABEL_REFUSED = new ProblemType("return-label-refused", HttpStatus.CONFLICT, "The carrier refused the return label");
    public static final ProblemType NOT_AN_IMAGE = new ProblemType("not-an-image", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The photo is not a JPEG or PNG image");

    // Webhooks
    public static final ProblemType TOO_MANY_WEBHOOK_ENDPOINTS = new ProblemType("too-many-webhook-endpoints", HttpStatus.CONFLICT, "Too many webhook endpoints");
    public static final ProblemType EVENT_NOT_GIVEN_UP = new ProblemType("event-not-given-up", HttpStatus.CONFLICT, "Event was not given up");

    // Packing slips and inserts
    public static final ProblemType TOO_MANY_INSERT_RULES = new ProblemType("too-many-insert-rules", HttpStatus.CONFLICT, "Too many insert rules");

    // The public tracking page
    public static final ProblemType TRACKING_ANSWER_MISMATCH = new ProblemType("tracking-answer-mismatch", HttpStatus.FORBIDDEN,
            "The answer is not the order's e-mail address or postal code");
    public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests");

    public URI uri() {
        return URI.create(TYPE_BASE + slug);
    }

    /** The type of a status the web framework raised on its own: named after the status (for example {@code unsupported-media-type}). */
    public static ProblemType forStatus(HttpStatus status) {
        return new ProblemType(status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'), status, status.getReasonPhrase());
    }
}
