# The app image for docker-compose.yml. Build the jar first: mvn -B package -DskipTests
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/innercircle-*.jar /app/innercircle.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/innercircle.jar"]
