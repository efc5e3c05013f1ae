-- Layers of the warehouse, in the order data flows through them.
CREATE SCHEMA IF NOT EXISTS raw;           -- source rows exactly as published, one table per source kind
CREATE SCHEMA IF NOT EXISTS seeds;         -- reference data kept in the repository (warehouse/seeds)
CREATE SCHEMA IF NOT EXISTS staging;       -- renamed and cast, one view per source
CREATE SCHEMA IF NOT EXISTS intermediate;  -- joins and reshaping before the star
CREATE SCHEMA IF NOT EXISTS core;          -- the star: dimensions and facts
CREATE SCHEMA IF NOT EXISTS marts;         -- wide, ready-to-read tables for the dashboard and notebooks
