-- Every data test run on this snapshot before it was published, by the run that published it.
CREATE TABLE meta.data_test_results (
    run_id          VARCHAR NOT NULL,
    test_name       VARCHAR NOT NULL,
    model           VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,      -- error | warn
    failing_rows    BIGINT NOT NULL,
    example         VARCHAR
);
