package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.shipping.LabelledParcels;
import io.stowage.api.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the lane's recorded deliveries say ({@link EtaEstimates#history}): only parcels of this carrier's
 * service from this node to this country and postal prefix, delivered within the window, count; the
 * median and the 90th percentile are of label to delivery. The lane's carrier code is the test's own,
 * so no other test's parcels are on it.
 */
class LaneHistoryTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    @Autowired
    EtaEstimates etas;

    @Test
    void theLanesMedianAndNinetiethPercentileComeFromItsOwnDeliveriesInTheWindow() {
        LabelledParcels parcels = LabelledParcels.create(this, context);
        String carrier = unique("lane");
        Lane lane = new Lane(carrier, "courier", parcels.nodeId(), "LT", "01");
        Instant now = Instant.now();
        for (int hours = 1; hours <= 20; hours++) {
            delivered(parcels, lane, now.minus(Duration.ofDays(3)), Duration.ofHours(hours));
        }
        // Not the lane: another service, country or postal area; delivered before the window; not delivered yet.
        delivered(parcels, new Lane(carrier, "express", parcels.nodeId(), "LT", "01"), now.minus(Duration.ofDays(3)), Duration.ofHours(900));
        delivered(parcels, new Lane(carrier, "courier", parcels.nodeId(), "LV", "01"), now.minus(Duration.ofDays(3)), Duration.ofHours(900));
        delivered(parcels, new Lane(carrier, "courier", parcels.nodeId(), "LT", "02"), now.minus(Duration.ofDays(3)), Duration.ofHours(900));
        delivered(parcels, lane, now.minus(Duration.ofDays(400)), Duration.ofHours(900));
        delivered(parcels, lane, now.minus(Duration.ofDays(3)), null);

        EtaEstimates.LaneHistory history = etas.history(lane).block();

        assertThat(history.deliveries()).isEqualTo(20);
        // 1 to 20 hours: the median lies between 10 and 11, the 90th percentile a tenth of the way from 18 to 19.
        assertThat(history.median()).isEqualTo(Duration.ofMinutes(630));
        assertThat(history.ninetieth()).isEqualTo(Duration.ofMinutes(18 * 60 + 6));
        assertThat(etas.enough(history)).isTrue();
        assertThat(etas.history(new Lane(carrier, "courier", parcels.nodeId(), "EE", "10")).block())
                .isEqualTo(new EtaEstimates.LaneHistory(0, null, null));
    }

    /** A finished parcel of the lane as tracking keeps it (ended, so no poll or check takes it); {@code took} null: not delivered. */
    private void delivered(LabelledParcels parcels, Lane lane, Instant labelledAt, Duration took) {
        db.sql("""
                        INSERT INTO shipment_tracking (shipment_id, merchant_id, node_id, order_id, order_number, carrier_code, service_code,
                                                       tracking_number, destination_country, destination_postal_prefix, labelled_at, status,
                                                       delivered_at, ended_at, next_poll_at, next_check_at)
                        VALUES (:id, :merchant, :node, :order, 'LANE-1', :carrier, :service, :number, :country, :prefix, :labelled,
                                :status, :delivered, clock_timestamp(), 'infinity', 'infinity')
                        """)
                .bind("id", UUID.randomUUID()).bind("merchant", parcels.merchantId()).bind("node", lane.nodeId())
                .bind("order", UUID.randomUUID()).bind("carrier", lane.carrierCode()).bind("service", lane.serviceCode())
                .bind("number", unique("LN")).bind("country", lane.country()).bind("prefix", lane.postalPrefix())
                .bind("labelled", labelledAt.atOffset(ZoneOffset.UTC))
                .bind("status", took == null ? "in_transit" : "delivered")
                .bind("delivered", io.stowage.api.database.Params.nullable(took == null ? null : labelledAt.plus(took).atOffset(ZoneOffset.UTC),
                        java.time.OffsetDateTime.class))
                .then().block();
    }
}
