package org.threadline.app.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every failure of an API call as a problem document (RFC 9457). What went wrong is said in the detail without any
 * value from the request; an unexpected failure says only that it was logged (the log has the exception, never the
 * request's data).
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems {
    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    static ResponseEntity<ProblemDetail> send(ProblemDetail p, HttpServletRequest request) {
        p.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(p.getStatus()).contentType(PROBLEM).body(p);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e, HttpServletRequest request) {
        return send(e.detail(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return send(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "The file is too large",
                "The file is larger than this installation accepts (spring.servlet.multipart.max-file-size); split"
                + " it or ask for the limit to be raised.").detail(), request);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> noFile(Exception e, HttpServletRequest request) {
        return send(ApiProblem.badRequest("file-required", "Send the file as multipart/form-data in a part named"
                + " 'file'.").detail(), request);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
        return send(ApiProblem.badRequest("body-unreadable", "The request body could not be read as this endpoint"
                + " expects (see " + ApiDocument.PATH + ").").detail(), request);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(Exception e, HttpServletRequest request) {
        return send(ApiProblem.notFound("Nothing has this id.").detail(), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> header(MissingRequestHeaderException e, HttpServletRequest request) {
        return send(ApiProblem.badRequest("header-required", "The header " + e.getHeaderName()
                + " is required.").detail(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return send(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "This endpoint accepts " + e.getSupportedMediaTypes() + ".").detail(),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return send(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "Use " + e.getSupportedHttpMethods() + " here.").detail(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("API call to {} failed", request.getRequestURI(), e);
        return send(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "service-problem",
                "Sorry, there is a problem with the service", "The call was not carried out and nothing was"
                + " released. The problem has been logged.").detail(), request);
    }
}
