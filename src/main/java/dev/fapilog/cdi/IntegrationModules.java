package dev.fapilog.cdi;

import java.util.ArrayList;
import java.util.List;

/** Loads the integration modules whose API is on the class path; each by name, so none is a hard dependency. */
final class IntegrationModules {
    /** Module class, and a class of the API it needs. */
    private static final String[][] KNOWN = {
        {"dev.fapilog.jaxrs.JaxrsModule", "jakarta.ws.rs.container.ContainerRequestFilter"}
    };

    private IntegrationModules() {}

    static List<IntegrationModule> load() {
        List<IntegrationModule> out = new ArrayList<>();
        ClassLoader loader = IntegrationModules.class.getClassLoader();
        for (String[] known : KNOWN) {
            try {
                Class.forName(known[1], false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                continue; // e.g. a CDI application without JAX-RS
            }
            try {
                out.add((IntegrationModule) Class.forName(known[0], true, loader)
                        .getDeclaredConstructor()
                        .newInstance());
            } catch (ReflectiveOperationException | LinkageError broken) {
                throw new IllegalStateException("fapilog integration " + known[0] + " cannot be loaded", broken);
            }
        }
        return List.copyOf(out);
    }
}
