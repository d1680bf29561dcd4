package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.AsyncLogger;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * How an application tests its own beans with weld-junit5: add the fapilog extension (weld-junit5 turns discovery
 * off, and with it the {@code META-INF/services} extensions) and inject loggers, even into the test itself.
 */
@EnableWeld
class WeldJunit5Test {
    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(CdiBeans.RequestBean.class)
                    .addExtension(new FapilogExtension()))
            .activate(RequestScoped.class)
            .build();

    @Inject
    Logger log;

    @Inject
    @LoggerName("tests")
    AsyncLogger tests;

    @Inject
    LogRuntime runtime;

    @Inject
    CdiBeans.RequestBean requestBean;

    @Test
    void loggersAreInjectedIntoTheTestAndItsBeans() {
        assertThat(log.name()).isEqualTo(WeldJunit5Test.class.getName());
        assertThat(tests.name()).isEqualTo("tests");
        assertThat(log.runtime()).isSameAs(runtime).isSameAs(tests.runtime());
        requestBean.work();
        log.info("from the test");
        assertThat(runtime.flush(java.time.Duration.ofSeconds(5))).isTrue();
        // Ours, and Weld's "container initialized" line: in Java SE the JUL bridge brings Weld's own log in too.
        assertThat(runtime.stats().delivered()).isEqualTo(3);
    }
}
