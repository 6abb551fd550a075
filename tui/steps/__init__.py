"""The steps of the method, one widget each, in the order the sidebar shows them."""
