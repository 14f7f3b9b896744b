package io.stowage.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StowageApplication {

    public static void main(String[] args) {
        SpringApplication.run(StowageApplication.class, args);
    }
}
