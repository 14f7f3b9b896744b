package io.stowage.api.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last net under every answer: an error the HTTP server gives before Spring sees the request (a URI
 * longer than it reads, headers too large, a request line it cannot parse) or that Spring's adapter
 * gives with no body (a path escape that is not one, like {@code %zz}) goes out with an empty body. This
 * handler sits next to the HTTP codec and gives every such empty error response a problem+json body,
 * so no error of this service, its own or its framework's, leaves without one.
 */
@Component
public class ProblemBodies implements NettyServerCustomizer {

    private final JsonMapper json;

    public ProblemBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "stowage.problemBodies", new Handler());
            }
        });
    }

    byte[] body(HttpResponseStatus status) {
        HttpStatus known = HttpStatus.resolve(status.code());
        ProblemType type = known == null || known == HttpStatus.BAD_REQUEST ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(known);
        String detail = switch (status.code()) {
            case 400 -> "The request could not be read: its request line, path or headers are malformed";
            case 414 -> "The URI is longer than this service reads; send long input in a request body";
            case 431 -> "The request's headers are larger than this service reads";
            default -> type.title();
        };
        return json.writeValueAsBytes(ProblemHandler.render(new ApiProblem(type, detail, List.of())).getBody());
    }

    /** One per connection: remembers whether the request being answered was a HEAD, whose answer has no body. */
    private final class Handler extends ChannelDuplexHandler {

        private boolean head;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                head = HttpMethod.HEAD.equals(request.method());
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && response.status().code() >= 400 && !head
                    && !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                byte[] body = body(response.status());
                FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                withBody.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                withBody.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                context.write(withBody, promise);
                return;
            }
            context.write(message, promise);
        }
    }
}
