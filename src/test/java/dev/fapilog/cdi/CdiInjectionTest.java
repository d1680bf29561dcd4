package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.AsyncLogger;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.JsonLines;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdiInjectionTest {
    @TempDir
    Path dir;

    private Map<String, String> fileConfig() {
        return CdiApp.fileSink(dir.resolve("out.jsonl"));
    }

    private List<JsonNode> lines() throws Exception {
        return JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl")));
    }

    @Test
    void loggersAreNamedAfterTheInjectingClassInEveryScope() throws Exception {
        try (CdiApp app = CdiApp.start(
                fileConfig(),
                CdiBeans.AppBean.class,
                CdiBeans.RequestBean.class,
                CdiBeans.DependentBean.class,
                CdiBeans.SingletonBean.class,
                CdiBeans.SessionBean.class,
                CdiBeans.SubBean.class)) {
            app.get(CdiBeans.AppBean.class).work();
            app.get(CdiBeans.DependentBean.class).work();
            app.get(CdiBeans.SubBean.class).work();
            app.get(CdiBeans.SingletonBean.class).work();
            RequestContextController request = app.get(RequestContextController.class);
            request.activate();
            try {
                app.get(CdiBeans.RequestBean.class).work();
            } finally {
                request.deactivate();
            }
            BoundSessionContext session = app.get(BoundSessionContext.class);
            Map<String, Object> storage = new java.util.HashMap<>();
            session.associate(storage);
            session.activate();
            try {
                app.get(CdiBeans.SessionBean.class).work();
            } finally {
                session.invalidate();
                session.deactivate();
                session.dissociate(storage);
            }
        }
        Map<String, String> loggerByMessage = lines().stream()
                .map(n -> n.get("log"))
                .collect(Collectors.toMap(
                        l -> l.get("message").asText(), l -> l.get("logger").asText(), (a, b) -> a));
        assertThat(loggerByMessage)
                .containsEntry("app bean works", CdiBeans.AppBean.class.getName())
                .containsEntry("async app bean works", CdiBeans.AppBean.class.getName())
                .containsEntry("audited", "payments.audit")
                .containsEntry("request bean works", CdiBeans.RequestBean.class.getName())
                .containsEntry("dependent bean works", CdiBeans.DependentBean.class.getName())
                .containsEntry("sub bean works", CdiBeans.SubBean.class.getName())
                .containsEntry("singleton bean works", CdiBeans.SingletonBean.class.getName())
                .containsEntry("session bean works", CdiBeans.SessionBean.class.getName());
    }

    @Test
    void injectedLoggersShareTheApplicationsOneRuntime() {
        try (CdiApp app = CdiApp.start(fileConfig(), CdiBeans.AppBean.class)) {
            CdiBeans.AppBean bean = app.get(CdiBeans.AppBean.class);
            LogRuntime runtime = app.get(LogRuntime.class);
            assertThat(bean.log().runtime()).isSameAs(runtime);
            assertThat(bean.asyncLog().runtime()).isSameAs(runtime);
            assertThat(bean.audit().runtime()).isSameAs(runtime);
            assertThat(bean.asyncAudit().name()).isEqualTo("payments.audit");
        }
    }

    @Test
    void programmaticLookupThroughInstanceAndCdiCurrent() {
        try (CdiApp app = CdiApp.start(fileConfig(), CdiBeans.AppBean.class)) {
            CdiBeans.AppBean bean = app.get(CdiBeans.AppBean.class);
            assertThat(bean.loggers().get().name()).isEqualTo(CdiBeans.AppBean.class.getName());
            assertThat(bean.loggers()
                            .select(LoggerName.Literal.of("orders"))
                            .get()
                            .name())
                    .isEqualTo("orders");
            app.run(() -> {
                Logger viaCdi = CDI.current().select(Logger.class).get();
                assertThat(viaCdi.name()).isEqualTo(LoggerProducer.FALLBACK_NAME);
                AsyncLogger named = CDI.current()
                        .select(AsyncLogger.class, LoggerName.Literal.of("jobs"))
                        .get();
                assertThat(named.name()).isEqualTo("jobs");
                assertThat(named.runtime()).isSameAs(bean.log().runtime());
            });
        }
    }
}
