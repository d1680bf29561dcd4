package dev.fapilog.jaxrs;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds {@link ResourceInterceptor} to JAX-RS resource classes; added by {@link JaxrsModule}, not by applications. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface ResourceInvocation {
    final class Literal extends AnnotationLiteral<ResourceInvocation> implements ResourceInvocation {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
