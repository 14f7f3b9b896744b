# Builds the wms-api service from this repository and runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl wms-api -am

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/wms-api/target/wms-api-*.jar /app/stowage.jar
ENV SERVER_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/stowage.jar"]
