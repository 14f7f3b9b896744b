package io.stowage.api.billing;

import io.stowage.api.merchants.Merchants;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** An invoice as a CSV (one row per charge line) and as a PDF; whoever may read the invoice may read these. */
@Service
class InvoiceDocuments {

    static final String CSV_HEADER = "invoice_number,line_no,kind,cause_type,cause_id,occurred_on,description,quantity,unit,rate_minor,amount_minor,currency\n";

    private final Invoices invoices;
    private final BillingAccounts accounts;
    private final Merchants merchants;
    private final BillingSettings settings;

    InvoiceDocuments(Invoices invoices, BillingAccounts accounts, Merchants merchants, BillingSettings settings) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.merchants = merchants;
        this.settings = settings;
    }

    /** The header row, then a row per line, streamed in line order. */
    Flux<String> csv(UUID merchantId, UUID invoiceId) {
        return invoices.get(merchantId, invoiceId).flatMapMany(invoice -> Flux.concat(Mono.just(CSV_HEADER),
                invoices.allLines(invoiceId).map(line -> String.join(",",
                        cell(invoice.number() == null ? "draft" : invoice.number()), String.valueOf(line.lineNo()), cell(line.kind()),
                        cell(line.causeType()), cell(line.causeId()), line.occurredOn().toString(), cell(line.description()),
                        line.quantity().stripTrailingZeros().toPlainString(), cell(line.unit()), line.rateMinor().stripTrailingZeros().toPlainString(),
                        String.valueOf(line.amountMinor()), invoice.currency()) + "\n")));
    }

    Mono<byte[]> pdf(UUID merchantId, UUID invoiceId) {
        return invoices.get(merchantId, invoiceId)
                .flatMap(invoice -> Mono.zip(accounts.get(invoice.merchantId()), merchants.get(invoice.merchantId()), invoices.groupedLines(invoiceId))
                        .publishOn(Schedulers.boundedElastic())
                        .map(found -> InvoicePdf.render(invoice,
                                new InvoicePdf.Party(settings.issuerName(), settings.issuerAddress(), settings.issuerVatNumber()),
                                new InvoicePdf.Party(found.getT1().legalName() + " (" + found.getT2().name() + ")", found.getT1().address(),
                                        found.getT1().vatNumber()),
                                found.getT3(), settings.issuerBankAccount())));
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
