package dev.fapilog;

/**
 * The link from the API to the implementation, found with {@link java.util.ServiceLoader} in the library's own class
 * loader. Implemented by the library; applications neither implement nor call it.
 */
public interface FapilogProvider {

    /** A new, unconfigured builder. */
    LoggerBuilder newBuilder();

    /** The runtime of the calling thread's application, else the default runtime of this class loader. */
    LogRuntime defaultRuntime();
}
