package io.wellbase;

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

    public static void main(String[] args) {
        SpringApplication.run(Wellbase.class, args);
    }
}
