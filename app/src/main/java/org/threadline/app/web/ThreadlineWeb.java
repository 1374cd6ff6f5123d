package org.threadline.app.web;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.threadline.app.web.accounts.DemoAccounts;
import org.threadline.app.web.oidc.OidcSettings;

/**
 * Starts the web application on a database that is already open and migrated ({@code org.threadline.store.Database}):
 * Spring is given that DataSource (pooled), so the web app and the CLI always share one database and one schema.
 * Only the web packages are scanned; the CLI never starts Spring except through here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = ThreadlineWeb.class)
@EnableConfigurationProperties({WebSettings.class, OidcSettings.class})
public class ThreadlineWeb {

    /**
     * How to start.
     *
     * @param port 0 for any free port
     * @param address the interface to listen on ({@code 127.0.0.1} keeps it to this machine)
     * @param clock the clock for lockouts, idle timeouts and declarations
     * @param properties extra Spring properties (e.g. {@code threadline.web.max-failed-sign-ins}); the environment
     *     and system properties still apply on top
     */
    public record Options(int port, String address, Clock clock, Map<String, Object> properties) {
        public Options {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(clock, "clock");
            properties = Map.copyOf(properties);
        }

        public static Options port(int port) {
            return new Options(port, "127.0.0.1", Clock.systemUTC(), Map.of());
        }
    }

    /**
     * A running web application; closing it stops the server and the pool it made (if it made one), not the
     * database.
     */
    public record Running(ConfigurableApplicationContext context, HikariDataSource pool, boolean ownsPool, int port)
            implements AutoCloseable {
        /** The demo's accounts, for {@code serve --demo-accounts}. */
        public DemoAccounts demoAccounts() {
            return context.getBean(DemoAccounts.class);
        }

        /** The base URL, without a trailing slash. */
        public String url() {
            return "http://localhost:" + port;
        }

        @Override
        public void close() {
            try {
                context.close();
            } finally {
                if (ownsPool) {
                    pool.close();
                }
            }
        }
    }

    public static Running start(DataSource database, Options options) {
        // Every log goes through SLF4J to THREADLINE_HOME/logs (Boot's own logging system is not used; Tomcat
        // logs through java.util.logging, bridged here).
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        // The store's Database is already a pool; a bare data source (a test's, say) gets one of its own.
        boolean ownsPool = !(database instanceof HikariDataSource);
        HikariDataSource pool = ownsPool ? new HikariDataSource() : (HikariDataSource) database;
        if (ownsPool) {
            pool.setDataSource(database);
            pool.setPoolName("threadline-web");
            pool.setMaximumPoolSize(10);
        }

        Map<String, Object> defaults = new HashMap<>();
        defaults.put("server.port", options.port());
        defaults.put("server.address", options.address());
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.log-startup-info", "false");
        // The session id travels in a cookie only, never in a URL.
        defaults.put("server.servlet.session.tracking-modes", "cookie");
        defaults.put("server.servlet.session.cookie.http-only", "true");
        defaults.put("server.servlet.session.cookie.same-site", "lax");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        // A page that fails half-way is replaced by the error page, not sent half-rendered.
        defaults.put("spring.thymeleaf.servlet.produce-partial-output-while-processing", "false");
        defaults.put("spring.sql.init.mode", "never");
        // The REST API's OpenAPI document (docs/api.md): the API's paths only, at one stable address.
        defaults.put("springdoc.api-docs.path", "/api/v1/openapi.json");
        defaults.put("springdoc.paths-to-match", "/api/v1/**");
        defaults.put("springdoc.show-actuator", "false");
        // Uploads (the API and the partner upload page): one file at a time, up to this size.
        defaults.put("spring.servlet.multipart.max-file-size", "25MB");
        defaults.put("spring.servlet.multipart.max-request-size", "25MB");
        // A body refused for its size is still read and discarded up to this much, so that the client gets the
        // answer instead of a closed connection; anything larger closes the connection.
        defaults.put("server.tomcat.max-swallow-size", "32MB");
        defaults.putAll(options.properties());

        SpringApplication app = new SpringApplication(ThreadlineWeb.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(defaults);
        app.setRegisterShutdownHook(false);
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("dataSource", pool);
            context.getBeanFactory().registerSingleton("clock", options.clock());
        });
        try {
            ConfigurableApplicationContext context = app.run();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return new Running(context, pool, ownsPool, port);
        } catch (RuntimeException e) {
            if (ownsPool) {
                pool.close();
            }
            throw e;
        }
    }
}
