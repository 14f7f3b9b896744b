-- Carrier codes are stored as the carriers' directory spells them: lower case. EasyPost names the
-- real carrier in upper case (easypost:UPS) and such codes were stored as given, so a load opened
-- as easypost:ups did not find its cartons. Codes are normalised where they enter the service
-- (CarrierCodes); existing rows are normalised here, and the checks keep every table that way.
UPDATE shipments SET carrier_code = lower(carrier_code) WHERE carrier_code <> lower(carrier_code);
UPDATE planned_parcels SET carrier_code = lower(carrier_code) WHERE carrier_code <> lower(carrier_code);

ALTER TABLE shipments ADD CONSTRAINT shipments_carrier_code_lower CHECK (carrier_code = lower(carrier_code));
ALTER TABLE carrier_accounts ADD CONSTRAINT carrier_accounts_carrier_code_lower CHECK (carrier_code = lower(carrier_code));
ALTER TABLE loads ADD CONSTRAINT loads_carrier_lower CHECK (carrier = lower(carrier));
ALTER TABLE planned_parcels ADD CONSTRAINT planned_parcels_carrier_code_lower CHECK (carrier_code = lower(carrier_code));
ALTER TABLE carrier_pickup_capacities ADD CONSTRAINT carrier_pickup_capacities_carrier_code_lower CHECK (carrier_code = lower(carrier_code));
ALTER TABLE preferred_carriers ADD CONSTRAINT preferred_carriers_carrier_code_lower CHECK (carrier_code = lower(carrier_code));
