package dev.fapilog.jaxrs;

import dev.fapilog.cdi.CdiDeployment;
import dev.fapilog.enrich.TraceParent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request's context and its one completion event.
 *
 * <ul>
 *   <li><b>Request</b> (pre-matching, priority {@value #PRIORITY}: before authentication and every application filter):
 *       takes the correlation id from {@code fapilog.jaxrs.request-id.header} or makes one, parses
 *       {@code traceparent}, reads the optional user and tenant headers, and puts all of it in {@code LogContext} for
 *       the request thread (replacing whatever a previous request may have left there).
 *   <li><b>Response</b> (runs last, after the application's response filters): echoes the correlation id, removes the
 *       context from the request thread, and writes {@code request_completed} (or {@code request_failed} when an
 *       exception escaped the resource). When there is an entity, the event is written after the entity, by the
 *       writer interceptor, with the number of bytes sent.
 * </ul>
 *
 * Exactly one event per request; never throws into the request (its own failures go to the diagnostics channel). The
 * socket address comes from {@link ServletClientAddressFilter} where a servlet container runs JAX-RS.
 *
 * <p>Public, with the implicit public constructor, because RESTEasy (WildFly) only accepts a provider it could construct
 * itself (a package-private class fails the deployment with a null constructor), even when CDI supplies the instance;
 * Jersey would take a package-private one. Not meant to be used directly.
 */
@Provider
@PreMatching
@Priority(RequestLogFilter.PRIORITY)
@ApplicationScoped
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** Before {@link Priorities#AUTHENTICATION} (1000) on the way in, hence after every application filter on the way out. */
    public static final int PRIORITY = Priorities.AUTHENTICATION - 900;

    /** The logger name of the completion events. */
    public static final String LOGGER = "fapilog.jaxrs.request";

    private static final String MASK = "***";

    @Inject
    CdiDeployment deployment;

    @Inject
    RequestState state;

    @Inject
    RequestCompletion completion;

    @Context
    ResourceInfo resource;

    private JaxrsSettings settings() {
        return JaxrsModule.settingsOf(deployment);
    }

    private void fly(RequestRecord record) {
        JaxrsModule m = deployment.module(JaxrsModule.class);
        if (m != null) {
            record.fly(m.inFlight());
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        JaxrsSettings s = settings();
        if (!s.enabled()) {
            return;
        }
        try {
            String id = RequestIds.accept(request.getHeaderString(s.requestIdHeader()));
            RequestRecord record = new RequestRecord(
                    request.getMethod(),
                    absolute(request.getUriInfo().getPath(false)),
                    id != null ? id : RequestIds.newId(),
                    TraceParent.parse(request.getHeaderString("traceparent")),
                    s.userIdHeader() == null ? null : RequestIds.accept(request.getHeaderString(s.userIdHeader())),
                    s.tenantIdHeader() == null ? null : RequestIds.accept(request.getHeaderString(s.tenantIdHeader())),
                    request.getHeaderString("User-Agent"),
                    clientAddress(request),
                    forwardedFor(request),
                    s.logHeaders() ? headers(request.getHeaders(), s) : null,
                    s.sampleRate() >= 1.0 || ThreadLocalRandom.current().nextDouble() < s.sampleRate());
            request.setProperty(RequestRecord.PROPERTY, record);
            fly(record);
            try {
                state.set(record);
            } catch (ContextNotActiveException noCdiRequestScope) {
                // RequestLogger then has no request; the LogContext below still serves plain loggers.
            }
            record.attach();
        } catch (RuntimeException e) {
            completion.diagnose("request-filter", e); // never fail the request
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object p = request.getProperty(RequestRecord.PROPERTY);
        if (!(p instanceof RequestRecord)) {
            return;
        }
        RequestRecord record = (RequestRecord) p;
        JaxrsSettings s = settings();
        if (s.echoRequestId()) {
            response.getHeaders().putSingle(s.requestIdHeader(), record.correlationId);
        }
        record.detach();
        record.answered();
        String route = route();
        boolean optedOut = optedOut();
        RequestCompletion.Pending pending =
                new RequestCompletion.Pending(record, response.getStatus(), route, optedOut);
        if (response.hasEntity() && !"HEAD".equals(request.getMethod()) && record.failure() == null) {
            // Written after the entity, with its size, by RequestLogWriter. Not for HEAD (no entity is written) nor
            // after a failure: a runtime that could not map the exception may not write this entity at all.
            request.setProperty(RequestCompletion.Pending.PROPERTY, pending);
            return;
        }
        completion.complete(pending, lengthOf(response));
    }

    /** Jersey gives the path without a leading '/', RESTEasy with one. */
    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private String route() {
        try {
            Class<?> type = resource.getResourceClass();
            Method method = resource.getResourceMethod();
            if (type == null || method == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            append(sb, type.getAnnotation(Path.class));
            append(sb, method.getAnnotation(Path.class));
            return sb.length() == 0 ? "/" : sb.toString();
        } catch (RuntimeException notMatched) {
            return null;
        }
    }

    private boolean optedOut() {
        try {
            Class<?> type = resource.getResourceClass();
            Method method = resource.getResourceMethod();
            return (type != null && type.isAnnotationPresent(NoRequestLog.class))
                    || (method != null && method.isAnnotationPresent(NoRequestLog.class));
        } catch (RuntimeException notMatched) {
            return false;
        }
    }

    private static void append(StringBuilder sb, Path p) {
        if (p == null) {
            return;
        }
        String v = withoutRegexes(p.value());
        if (!v.startsWith("/")) {
            sb.append('/');
        }
        sb.append(v.endsWith("/") && v.length() > 1 ? v.substring(0, v.length() - 1) : v);
    }

    /** {@code {id: [0-9]{1,9}}} becomes {@code {id}}: the route names the parameter, not its pattern. */
    static String withoutRegexes(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int depth = 0;
        boolean inRegex = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
            }
            if (!inRegex && !(depth == 1 && Character.isWhitespace(c))) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static long lengthOf(ContainerResponseContext response) {
        int length = response.getLength();
        return length >= 0 ? length : (response.hasEntity() ? -1 : 0);
    }

    /** The socket peer's address, where the servlet container tells it ({@link ServletClientAddressFilter}). */
    private static String clientAddress(ContainerRequestContext request) {
        Object address = request.getProperty(ServletClientAddressFilter.PROPERTY);
        return address instanceof String ? clean((String) address) : null;
    }

    /** {@code Forwarded: for=...} or the first {@code X-Forwarded-For} entry, when a proxy set one. */
    private static String forwardedFor(ContainerRequestContext request) {
        String forwarded = request.getHeaderString("Forwarded");
        if (forwarded != null) {
            for (String part : forwarded.split("[;,]")) {
                String t = part.trim();
                if (t.regionMatches(true, 0, "for=", 0, 4)) {
                    return clean(t.substring(4).replace("\"", ""));
                }
            }
        }
        String xff = request.getHeaderString("X-Forwarded-For");
        if (xff != null) {
            int comma = xff.indexOf(',');
            return clean(comma >= 0 ? xff.substring(0, comma) : xff);
        }
        return null;
    }

    private static String clean(String address) {
        String a = address.trim();
        return a.length() <= 64 && a.matches("[0-9A-Za-z.:\\[\\]_-]+") ? a : null;
    }

    /**
     * The request's headers, names lower-cased, every value of a sensitive header masked whatever its capitalisation
     * or number of values; only the allowed ones when an allowlist is set.
     */
    static Map<String, Object> headers(MultivaluedMap<String, String> headers, JaxrsSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!s.allowedHeaders().isEmpty() && !s.allowedHeaders().contains(name)) {
                continue;
            }
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            List<String> shown = new ArrayList<>(values.size());
            boolean sensitive = s.redactedHeaders().contains(name);
            for (String v : values) {
                shown.add(sensitive ? MASK : v);
            }
            @SuppressWarnings("unchecked")
            List<String> previous = (List<String>) out.get(name);
            if (previous != null) {
                previous.addAll(shown); // the same header under two capitalisations
            } else {
                out.put(name, shown);
            }
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        out.forEach((k, v) -> {
            List<?> l = (List<?>) v;
            flat.put(k, l.size() == 1 ? l.get(0) : List.copyOf(l));
        });
        return flat;
    }
}
