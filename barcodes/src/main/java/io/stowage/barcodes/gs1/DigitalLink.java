package io.stowage.barcodes.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversion between element strings and GS1 Digital Link URIs: the primary key and its
 * qualifiers in the path, in the order the Syntax Dictionary allows, and data attributes
 * in the query string. Non-numeric query parameters (such as {@code linkType}) are not AIs
 * and are ignored.
 */
final class DigitalLink {

    private static final String UNRESERVED = "-._~";

    private DigitalLink() {
    }

    static ElementString parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidBarcodeException("GS1 Digital Link URI is empty");
        }
        String text = uri.trim();
        int fragment = text.indexOf('#');
        if (fragment >= 0) {
            text = text.substring(0, fragment);
        }
        int query = text.indexOf('?');
        String queryPart = query >= 0 ? text.substring(query + 1) : "";
        String pathPart = query >= 0 ? text.substring(0, query) : text;
        int scheme = pathPart.indexOf("://");
        if (scheme < 0 || !isHttpScheme(pathPart.substring(0, scheme))) {
            throw new InvalidBarcodeException("'" + uri + "' is not an absolute http or https URI");
        }
        if (pathPart.length() == scheme + 3 || pathPart.charAt(scheme + 3) == '/') {
            throw new InvalidBarcodeException("'" + uri + "' has no host");
        }
        int pathStart = pathPart.indexOf('/', scheme + 3);
        String path = pathStart < 0 ? "" : pathPart.substring(pathStart + 1);
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        List<AiElement> elements = pathElements(uri, segments);
        for (String parameter : queryPart.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = parameter.substring(0, equals);
            if (!Gs1CheckDigit.isAllDigits(key)) {
                continue;
            }
            AiDefinition definition = SyntaxDictionary.instance().require(key);
            if (!definition.digitalLinkAttribute()) {
                throw new InvalidBarcodeException("AI (" + key + ") " + definition.title()
                        + " is not allowed in a Digital Link query string");
            }
            elements.add(new AiElement(key, percentDecode(parameter.substring(equals + 1))));
        }
        return new ElementString(elements);
    }

    static String format(ElementString elementString, String baseUri) {
        SyntaxDictionary dictionary = SyntaxDictionary.instance();
        AiElement primary = elementString.elements().stream()
                .filter(e -> dictionary.require(e.ai()).digitalLinkPrimaryKey())
                .findFirst()
                .orElseThrow(() -> new InvalidBarcodeException("Element string " + elementString.bracketed()
                        + " has no GS1 Digital Link primary key such as (01) or (00)"));
        List<String> qualifiers = chooseQualifiers(dictionary.require(primary.ai()), elementString);
        StringBuilder uri = new StringBuilder(stripTrailingSlash(baseUri));
        uri.append('/').append(primary.ai()).append('/').append(percentEncode(primary.value()));
        for (String ai : qualifiers) {
            uri.append('/').append(ai).append('/').append(percentEncode(elementString.get(ai).orElseThrow()));
        }
        char joiner = '?';
        for (AiElement element : elementString.elements()) {
            if (element == primary || qualifiers.contains(element.ai())) {
                continue;
            }
            AiDefinition definition = dictionary.require(element.ai());
            if (!definition.digitalLinkAttribute()) {
                throw new InvalidBarcodeException("AI (" + element.ai() + ") " + definition.title()
                        + " cannot be expressed in a Digital Link with primary key (" + primary.ai() + ")");
            }
            uri.append(joiner).append(element.ai()).append('=').append(percentEncode(element.value()));
            joiner = '&';
        }
        return uri.toString();
    }

    private static List<AiElement> pathElements(String uri, List<String> segments) {
        SyntaxDictionary dictionary = SyntaxDictionary.instance();
        for (int start = 0; start < segments.size(); start++) {
            Optional<AiDefinition> key = dictionary.find(segments.get(start));
            if (key.isEmpty() || !key.get().digitalLinkPrimaryKey() || (segments.size() - start) % 2 != 0) {
                continue;
            }
            List<AiElement> elements = new ArrayList<>();
            for (int i = start; i < segments.size(); i += 2) {
                String ai = segments.get(i);
                String value = percentDecode(segments.get(i + 1));
                if (ai.equals("01") && value.length() < 14 && Gs1CheckDigit.isAllDigits(value)) {
                    value = "0".repeat(14 - value.length()) + value;
                }
                elements.add(new AiElement(ai, value));
            }
            requireQualifierOrder(uri, key.get(), elements.subList(1, elements.size()));
            return elements;
        }
        throw new InvalidBarcodeException("'" + uri + "' has no GS1 Digital Link primary key path such as /01/{gtin}");
    }

    private static void requireQualifierOrder(String uri, AiDefinition key, List<AiElement> qualifiers) {
        List<String> ais = qualifiers.stream().map(AiElement::ai).toList();
        for (List<String> sequence : key.digitalLinkQualifiers().orElseThrow()) {
            if (isOrderedSubsequence(ais, sequence)) {
                return;
            }
        }
        throw new InvalidBarcodeException("'" + uri + "' has path qualifiers " + ais + " that primary key ("
                + key.ai() + ") does not allow in that order; allowed: " + key.digitalLinkQualifiers().orElseThrow());
    }

    private static boolean isOrderedSubsequence(List<String> candidate, List<String> sequence) {
        int next = 0;
        for (String ai : candidate) {
            int found = sequence.subList(next, sequence.size()).indexOf(ai);
            if (found < 0) {
                return false;
            }
            next += found + 1;
        }
        return true;
    }

    private static List<String> chooseQualifiers(AiDefinition key, ElementString elementString) {
        List<String> best = List.of();
        for (List<String> sequence : key.digitalLinkQualifiers().orElseThrow()) {
            List<String> present = sequence.stream().filter(ai -> elementString.get(ai).isPresent()).toList();
            if (present.size() > best.size()) {
                best = present;
            }
        }
        return best;
    }

    private static String stripTrailingSlash(String baseUri) {
        int scheme = baseUri == null ? -1 : baseUri.trim().indexOf("://");
        if (scheme < 0 || !isHttpScheme(baseUri.trim().substring(0, scheme))) {
            throw new InvalidBarcodeException("Digital Link base URI '" + baseUri + "' must be an absolute http(s) URI");
        }
        String base = baseUri.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /** GS1 Digital Link URIs are web addresses: only http and https, in any letter case (RFC 3986). */
    private static boolean isHttpScheme(String scheme) {
        return scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http");
    }

    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || UNRESERVED.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static String percentDecode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new InvalidBarcodeException("Bad percent-encoding in '" + value + "'");
                }
                try {
                    bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw new InvalidBarcodeException("Bad percent-encoding in '" + value + "'", e);
                }
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
