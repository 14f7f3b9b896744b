package io.stowage.api.orders;

import io.stowage.api.Published;
import io.stowage.api.access.Caller;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Places the order that sends a customer the variants they exchanged a return for: to the original
 * order's customer and address, through the same intake as every order (routing, reservation,
 * history and events stay one path). An exchange promises the customer the new variant now, so it
 * is refused unless every unit is allocated at once.
 */
@Service
@Published
public class ExchangeOrders {

    /** One variant the customer wants instead, by SKU. */
    public record Wanted(String sku, int quantity) {
    }

    private final OrderIntake intake;
    private final OrderShipTo shipTo;
    private final OrderCustomers customers;

    ExchangeOrders(OrderIntake intake, OrderShipTo shipTo, OrderCustomers customers) {
        this.intake = intake;
        this.shipTo = shipTo;
        this.customers = customers;
    }

    /**
     * Accepts the exchange order in the caller's transaction (a command's) and returns its id; a 409
     * {@code exchange-unavailable} problem when the stock cannot cover every unit now, so the caller's
     * transaction rolls back with nothing written.
     */
    public Mono<UUID> place(UUID merchantId, UUID originalOrderId, List<Wanted> wanted) {
        return Mono.zip(shipTo.of(merchantId, originalOrderId), customers.of(merchantId, originalOrderId)).flatMap(found -> {
            OrderShipTo.ShipTo to = found.getT1();
            OrderCustomers.OrderCustomer customer = found.getT2();
            ServiceLevel level = ServiceLevel.fromDb(to.serviceLevel());
            // An exchange goes to the customer's address: a pickup at a store or point was for the first order.
            if (level == ServiceLevel.STORE_PICKUP || level == ServiceLevel.PICKUP_POINT) {
                level = ServiceLevel.STANDARD;
            }
            OrderRequest request = new OrderRequest(
                    new OrderRequest.Customer(to.name(), to.email(), to.phone(),
                            new OrderRequest.Address(to.addressLine(), to.city(), to.postalCode(), to.country(), null, null), customer.language(),
                            // The customer hears of the exchange order as they chose to hear of the first.
                            customer.notifyVia()),
                    wanted.stream().map(w -> new OrderRequest.Line(w.sku(), w.quantity())).toList(),
                    level, null, null, null, customer.channel(), null);
            Caller.Merchant merchant = new Caller.Merchant(merchantId, null);
            return intake.check(merchant, request)
                    // Decided under the level locks: this runs inside the caller's transaction already.
                    .flatMap(checked -> intake.accept(merchant, request, checked, true))
                    .flatMap(order -> OrderStatus.ALLOCATED.db().equals(order.status())
                            ? Mono.just(order.id())
                            : Mono.error(ApiProblem.of(ProblemType.EXCHANGE_UNAVAILABLE,
                                    "The variants wanted in exchange are not in stock now; return the item for a refund instead")));
        });
    }
}
