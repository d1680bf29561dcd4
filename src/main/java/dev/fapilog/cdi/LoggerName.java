package dev.fapilog.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Names the injected {@link dev.fapilog.Logger} or {@link dev.fapilog.AsyncLogger}, instead of the default name (the
 * injecting class's fully qualified name).
 *
 * <pre>{@code
 * @Inject @LoggerName("payments.audit") Logger audit;
 * Logger orders = CDI.current().select(Logger.class, LoggerName.Literal.of("orders")).get();
 * }</pre>
 *
 * <p>The value is not used for bean resolution ({@link Nonbinding}): every {@code @LoggerName} injection point is served
 * by the same producer, which reads the name. A blank value means the default name.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface LoggerName {

    /** The logger name, for example {@code orders} or {@code payments.audit}. */
    @Nonbinding
    String value();

    /** For programmatic lookup: {@code instance.select(LoggerName.Literal.of("orders"))}. */
    final class Literal extends AnnotationLiteral<LoggerName> implements LoggerName {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
