"""What several test files share: builders of test data, fake stores, servers' fixtures and
walks through the wizard. No tests here; a test file imports from tests.support, never from
another test file."""
