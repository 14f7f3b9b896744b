package io.stowage.api.notifications;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;

/**
 * Puts a notice into the customer's language: the email's subject, plain-text and HTML bodies with
 * the same paragraphs and link, and the SMS text. Words come from {@code messages/notices*.properties};
 * dates are written the locale's own way. Every value from outside (names, addresses, reasons, links)
 * is escaped in the HTML.
 */
final class NoticeTexts {

    /** The languages notices are written in; any other language gets English. */
    static final Set<String> LANGUAGES = Set.of("en", "uk", "lt", "lv", "sl");
    static final String DEFAULT_LANGUAGE = "en";

    record Notice(String language, String subject, String text, String html, String sms) {
    }

    private NoticeTexts() {
    }

    /** The language a customer's tag ({@code lt}, {@code uk-UA}, {@code EN-gb}, null) is written to in notices. */
    static String language(String tag) {
        if (tag == null) {
            return DEFAULT_LANGUAGE;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    }

    static Notice write(String languageTag, NoticeFacts facts) {
        String language = language(languageTag);
        Locale locale = Locale.forLanguageTag(language);
        Words words = new Words(ResourceBundle.getBundle("messages.notices", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
        String kind = facts.kind().key;
        String order = facts.orderNumber();
        // A text message names the tracking page, or the carrier's number when no page was issued.
        String track = facts.trackingUrl() != null ? facts.trackingUrl() : facts.trackingNumber();
        List<String> paragraphs = new ArrayList<>();
        List<String> details = new ArrayList<>();
        String sms;
        switch (facts.kind()) {
            case ORDER_CONFIRMED -> {
                paragraphs.add(words.get(kind + ".intro", words.date(facts.day())));
                details.add(words.get(kind + ".items"));
                facts.items().forEach(item -> details.add(words.get(kind + ".item", item.quantity(), item.sku())));
                sms = words.get(kind + ".sms", facts.merchantName(), order);
            }
            case SHIPPED -> {
                paragraphs.add(words.get(kind + ".intro", words.date(facts.day()), facts.carrier()));
                sms = words.get(kind + ".sms", facts.merchantName(), order, facts.carrier(), track);
            }
            case OUT_FOR_DELIVERY -> {
                paragraphs.add(words.get(kind + ".intro", facts.carrier()));
                sms = words.get(kind + ".sms", facts.merchantName(), order, track);
            }
            case READY_FOR_PICKUP -> {
                NoticeFacts.PickupPoint point = facts.pickupPoint();
                paragraphs.add(words.get(kind + ".intro", point.name()));
                if (point.address() != null) {
                    details.add(words.get(kind + ".address", point.address()));
                }
                if (point.openingHours() != null) {
                    details.add(words.get(kind + ".hours", String.join("; ", point.openingHours().lines(locale,
                            words.get(kind + ".always_open"), words.get(kind + ".closed")))));
                }
                if (point.collectBy() != null) {
                    details.add(words.get(kind + ".collect_by", words.date(point.collectBy())));
                }
                sms = words.get(kind + ".sms", facts.merchantName(), order, point.name(),
                        point.address() == null ? "" : point.address(), point.collectBy() == null ? "" : words.date(point.collectBy()));
            }
            case DELIVERED -> {
                paragraphs.add(words.get(kind + ".intro", words.date(facts.day())));
                sms = words.get(kind + ".sms", facts.merchantName(), order);
            }
            case DELAYED -> {
                paragraphs.add(words.get(kind + ".intro", words.reason(facts.reason())));
                String eta = facts.eta() == null ? words.get(kind + ".eta_unknown") : words.get(kind + ".eta", words.date(facts.eta()));
                paragraphs.add(eta);
                sms = words.get(kind + ".sms", facts.merchantName(), order, eta, track);
            }
            case EXCEPTION -> {
                paragraphs.add(words.get(kind + ".intro", words.reason(facts.reason())));
                sms = words.get(kind + ".sms", facts.merchantName(), order, words.reason(facts.reason()), track);
            }
            default -> throw new IllegalStateException("No words for " + facts.kind());
        }
        String next = facts.kind() == NoticeKind.EXCEPTION ? words.get(kind + ".next", facts.carrier()) : words.get(kind + ".next");
        if (facts.kind() == NoticeKind.READY_FOR_PICKUP) {
            details.add(next);
        } else {
            paragraphs.add(next);
        }
        List<String> reference = new ArrayList<>();
        reference.add(words.get("order_number", order));
        if (facts.trackingNumber() != null) {
            reference.add(words.get("tracking_number", facts.trackingNumber()));
        }
        String greeting = words.get("greeting", facts.customerName());
        String signature = words.get("signature", facts.merchantName());
        String subject = words.get(kind + ".subject", order);
        String link = facts.trackingUrl() == null ? null : words.get("track_link");
        return new Notice(language, subject,
                text(greeting, paragraphs, details, link, facts.trackingUrl(), reference, signature),
                html(language, subject, greeting, paragraphs, details, link, facts.trackingUrl(), reference, signature),
                sms);
    }

    private static String text(String greeting, List<String> paragraphs, List<String> details, String link, String url,
                               List<String> reference, String signature) {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        paragraphs.forEach(paragraph -> text.append(paragraph).append("\n\n"));
        if (!details.isEmpty()) {
            details.forEach(detail -> text.append(detail).append('\n'));
            text.append('\n');
        }
        if (link != null) {
            text.append(link).append(": ").append(url).append("\n\n");
        }
        reference.forEach(line -> text.append(line).append('\n'));
        return text.append('\n').append(signature).append('\n').toString();
    }

    private static String html(String language, String subject, String greeting, List<String> paragraphs, List<String> details, String link,
                               String url, List<String> reference, String signature) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1a1a1a\">\n");
        html.append("<p>").append(escape(greeting)).append("</p>\n");
        paragraphs.forEach(paragraph -> html.append("<p>").append(escape(paragraph)).append("</p>\n"));
        if (!details.isEmpty()) {
            html.append("<ul>\n");
            details.forEach(detail -> html.append("<li>").append(escape(detail)).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (link != null) {
            html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(link)).append("</a></p>\n");
        }
        html.append("<p>");
        html.append(String.join("<br>\n", reference.stream().map(NoticeTexts::escape).toList()));
        html.append("</p>\n<p>").append(escape(signature).replace("\n", "<br>\n")).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    private record Words(ResourceBundle bundle, Locale locale) {

        String get(String key, Object... values) {
            return new MessageFormat(bundle.getString(key), locale).format(values);
        }

        String date(LocalDate day) {
            return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        }

        String reason(String reason) {
            return get("reason." + (reason == null || !bundle.containsKey("reason." + reason) ? "other" : reason));
        }
    }
}
