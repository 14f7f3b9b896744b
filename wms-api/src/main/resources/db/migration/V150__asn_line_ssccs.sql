-- The SSCCs (GS1 AI 00) of the cartons and pallets an ASN line arrives in, as the merchant's despatch advice names
-- them: a receiver who scans one at the dock finds the notice and the lines it holds (issue 13, handheld receiving).
CREATE TABLE asn_line_ssccs (
    asn_id  uuid    NOT NULL,
    line_no integer NOT NULL,
    sscc    text    NOT NULL CHECK (sscc ~ '^[0-9]{18}$'),
    PRIMARY KEY (asn_id, line_no, sscc),
    FOREIGN KEY (asn_id, line_no) REFERENCES asn_lines (asn_id, line_no)
);
CREATE INDEX asn_line_ssccs_sscc ON asn_line_ssccs (sscc);
