//! Deterministic simulation of Amazon ECR API throttling, for the visualizer.
//!
//! ECR throttles each API with a token bucket. This module replays a workload
//! (steady rate, bursts, fan-outs) and a client retry policy against such a
//! bucket. It is pure on purpose: no clock, no threads, no global randomness,
//! so one config and seed always give the same run (shareable links,
//! reproducible tests). Time only moves through `step`/`run_until`; jitter
//! comes from a seeded SplitMix64 owned by the simulation.
//!
//! One file per stage: [`TokenBucket`] (the server side), [`Workload`] (what clients ask
//! for), [`RetryPolicy`] (how they retry), [`SimConfig`] and [`Simulation`] (the run, its
//! [`StepStats`], [`SecondStats`] and [`Totals`]), [`presets`] (read from
//! `catalogue::quotas`), [`Scenario`] and its link form ([`LinkFields`]), and [`Action`], the
//! form's reducer. `decimal` prints and reads numbers without the standard library's float code. Nothing here depends
//! on the explainer's engine, so the visualizer can ship as a wasm of its own.

mod action;
mod config;
pub mod decimal;
mod limits;
mod presets;
mod retry;
mod rng;
mod scenario;
mod simulation;
mod stats;
mod token_bucket;
mod workload;

pub use action::Action;
pub use config::SimConfig;
pub use limits::*;
pub use presets::{
    link_for_operation, presets, Preset, SOURCE_QUOTA_TABLE, SOURCE_TROUBLESHOOTING,
};
pub use retry::{PolicyKind, PolicyParams, RetryPolicy};
pub use scenario::{from_fragment_query, LinkFields, Scenario, Setting};
pub use simulation::Simulation;
pub use stats::{Dot, SecondStats, StepStats, Totals};
pub use token_bucket::TokenBucket;
pub use workload::Workload;

#[cfg(test)]
mod tests;
