package dev.fapilog.jaxrs;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * {@link ResourceInterceptor} as a synthetic interceptor bean, bound by {@code @Path} itself (declared an interceptor
 * binding, its {@code value} non-binding, by {@link JaxrsModule}): so every CDI-managed resource class is intercepted
 * without the extension observing every annotated type of the deployment, and without a binding annotation added to
 * application classes. Enabled for the whole application at {@code LIBRARY_BEFORE}. Immutable.
 */
final class ResourceInterceptorBean implements Interceptor<ResourceInterceptor>, Prioritized {
    private final BeanManager beans;
    private volatile InjectionTarget<ResourceInterceptor> target;

    ResourceInterceptorBean(BeanManager beans) {
        this.beans = beans;
    }

    /** {@code @Path} with any value, the binding this interceptor declares. */
    static final class PathBinding extends AnnotationLiteral<Path> implements Path {
        static final PathBinding INSTANCE = new PathBinding();
        private static final long serialVersionUID = 1L;

        @Override
        public String value() {
            return "";
        }
    }

    @Override
    public Set<Annotation> getInterceptorBindings() {
        return Set.of(PathBinding.INSTANCE);
    }

    @Override
    public boolean intercepts(InterceptionType type) {
        return type == InterceptionType.AROUND_INVOKE;
    }

    @Override
    public Object intercept(InterceptionType type, ResourceInterceptor instance, InvocationContext ctx)
            throws Exception {
        return instance.around(ctx);
    }

    @Override
    public int getPriority() {
        return jakarta.interceptor.Interceptor.Priority.LIBRARY_BEFORE;
    }

    @Override
    public ResourceInterceptor create(CreationalContext<ResourceInterceptor> context) {
        InjectionTarget<ResourceInterceptor> it = injectionTarget();
        ResourceInterceptor instance = it.produce(context);
        it.inject(instance, context);
        it.postConstruct(instance);
        return instance;
    }

    @Override
    public void destroy(ResourceInterceptor instance, CreationalContext<ResourceInterceptor> context) {
        InjectionTarget<ResourceInterceptor> it = injectionTarget();
        it.preDestroy(instance);
        it.dispose(instance);
        context.release();
    }

    private InjectionTarget<ResourceInterceptor> injectionTarget() {
        InjectionTarget<ResourceInterceptor> it = target;
        if (it == null) {
            // Made at first use, once the container is running: it injects the request's RequestState.
            it = beans.getInjectionTargetFactory(beans.createAnnotatedType(ResourceInterceptor.class))
                    .createInjectionTarget(null);
            target = it;
        }
        return it;
    }

    @Override
    public Class<?> getBeanClass() {
        return ResourceInterceptor.class;
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return Set.of();
    }

    @Override
    public Set<Type> getTypes() {
        return Set.of(ResourceInterceptor.class, Object.class);
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return Set.of(Default.Literal.INSTANCE, Any.Literal.INSTANCE);
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return Dependent.class;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<Class<? extends Annotation>> getStereotypes() {
        return Set.of();
    }

    @Override
    public boolean isAlternative() {
        return false;
    }
}
