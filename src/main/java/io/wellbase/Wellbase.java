package io.wellbase;

import io.wellbase.platform.data.DatabaseCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Wellbase: one deployable backend for wellness businesses, built as a modular monolith.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class Wellbase {

    /** Starts the server; {@code backup FILE} and {@code restore FILE} run the database backup tool instead. */
    public static void main(String[] args) {
        if (DatabaseCommands.isCommand(args)) {
            System.exit(DatabaseCommands.run(args));
        }
        SpringApplication.run(Wellbase.class, args);
    }
}
