package io.minyi.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is. {@code X-Forwarded-For} (and the other forwarded headers) count only when the request
 * comes from a configured proxy ({@code minyi.gateway.trusted-proxies}: addresses or CIDR ranges, the
 * ingress's; none by default): then the client is the last address in the chain that is not itself a
 * trusted proxy, and the proxy's scheme and host apply (HTTPS redirects, HSTS). From anyone else the
 * forwarded headers are dropped and the socket's address is the client. Either way the services get
 * exactly one {@code X-Forwarded-For}: the client's address, which the audit log records.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClientAddresses implements WebFilter {

    public static final String ATTRIBUTE = ClientAddresses.class.getName();
    static final String HEADER = "X-Forwarded-For";
    private final List<IpSubnetFilterRule> trusted;
    private final ForwardedHeaderTransformer honour = new ForwardedHeaderTransformer();
    private final ForwardedHeaderTransformer drop = new ForwardedHeaderTransformer();

    public ClientAddresses(@Value("${minyi.gateway.trusted-proxies:}") List<String> proxies) {
        this.trusted = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(ClientAddresses::rule).toList();
        drop.setRemoveOnly(true);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String socket = request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null
                ? null : request.getRemoteAddress().getAddress().getHostAddress();
        boolean fromProxy = trusts(socket);
        String client = fromProxy ? client(socket, request.getHeaders().getValuesAsList(HEADER)) : socket;
        ServerHttpRequest cleaned = (fromProxy ? honour : drop).apply(request);
        ServerHttpRequest forwarded = cleaned.mutate().headers(h -> {
            h.remove(HEADER);
            if (client != null) {
                h.set(HEADER, client);
            }
        }).build();
        ServerWebExchange mutated = exchange.mutate().request(forwarded).build();
        if (client != null) {
            mutated.getAttributes().put(ATTRIBUTE, client);
        }
        return chain.filter(mutated);
    }

    /** The right-most address of the chain that is not a trusted proxy (all trusted: the left-most). */
    String client(String socket, List<String> headerValues) {
        List<String> chain = new ArrayList<>();
        headerValues.forEach(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    chain.add(part.strip());
                }
            }
        });
        for (int i = chain.size() - 1; i >= 0; i--) {
            String address = chain.get(i);
            if (literal(address) == null) {
                return socket; // garbage in the chain: believe nothing before it
            }
            if (!trusts(address)) {
                return address;
            }
        }
        return chain.isEmpty() ? socket : chain.get(0);
    }

    boolean trusts(String address) {
        InetAddress ip = address == null ? null : literal(address);
        if (ip == null) {
            return false;
        }
        InetSocketAddress at = new InetSocketAddress(ip, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(at));
    }

    /** An IPv4 or IPv6 literal (Netty's parser: never a DNS lookup), or null. */
    private static InetAddress literal(String address) {
        return NetUtil.createInetAddressFromIpAddressString(address);
    }

    /** "10.0.0.0/8", "2001:db8::/32" or one address. */
    static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String ip = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress parsed = literal(ip);
        if (parsed == null) {
            throw new IllegalArgumentException("minyi.gateway.trusted-proxies: not an address or CIDR range: " + proxy);
        }
        int bits = slash < 0 ? parsed.getAddress().length * 8 : Integer.parseInt(proxy.substring(slash + 1));
        return new IpSubnetFilterRule(ip, bits, IpFilterRuleType.ACCEPT);
    }
}
