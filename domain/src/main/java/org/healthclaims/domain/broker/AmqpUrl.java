package org.healthclaims.domain.broker;

import java.net.URI;

/**
 * {@code AMQP_URL} as operators write it. By the AMQP URI spec {@code amqp://host/} names the empty virtual host,
 * which no broker has; people who write the trailing slash mean the default one, {@code /}, so that is what it
 * gets. {@code amqp://host/%2F} and {@code amqp://host/claims} are kept as written.
 */
public final class AmqpUrl {

    private AmqpUrl() {}

    public static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AMQP_URL is not a URL");
        }
        if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()))
            throw new IllegalArgumentException("AMQP_URL must start with amqp:// or amqps://");
        if (uri.getHost() == null) throw new IllegalArgumentException("AMQP_URL has no host");
        if ("/".equals(uri.getRawPath())) {
            String s = uri.toString();
            int slash = s.indexOf('/', s.indexOf("//") + 2);
            return URI.create(s.substring(0, slash) + s.substring(slash + 1));
        }
        return uri;
    }
}
