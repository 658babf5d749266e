package io.innercircle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class InnerCircleApplication {
    public static void main(String[] args) {
        SpringApplication.run(InnerCircleApplication.class, args);
    }
}
