package io.stowage.api.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A variant's picture is an absolute http or https address with a host: what a pack station's screen can load. */
final class ImageUrls {

    static final String MESSAGE = "must be an absolute http or https URL, at most 2000 characters";

    private ImageUrls() {
    }

    static boolean isValid(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
