// The analyzer lands here.
