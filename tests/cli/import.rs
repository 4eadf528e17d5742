//! Tests of plan import (to be written).
